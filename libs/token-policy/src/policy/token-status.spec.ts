import { tokenStatus, TokenState } from './token-status';

const T0 = Date.UTC(2026, 0, 1);
const base: TokenState = {
  policy: { mode: 'count', maxUses: 1 },
  useCount: 0,
  expiresAt: new Date(T0 + 60_000),
  windowEndsAt: null,
  revokedAt: null,
  expiredAt: null,
};

describe('tokenStatus', () => {
  it('is active before the unused expiry and expired exactly at it', () => {
    expect(tokenStatus(base, new Date(T0 + 59_999))).toBe('active');
    expect(tokenStatus(base, new Date(T0 + 60_000))).toBe('expired');
    expect(tokenStatus(base, new Date(T0 + 60_001))).toBe('expired');
  });

  it('is used once a count token reaches its maximum, even after the unused expiry', () => {
    expect(tokenStatus({ ...base, useCount: 1 }, new Date(T0))).toBe('used');
    expect(tokenStatus({ ...base, useCount: 1 }, new Date(T0 + 120_000))).toBe('used');
    const three: TokenState = { ...base, policy: { mode: 'count', maxUses: 3 }, useCount: 2 };
    expect(tokenStatus(three, new Date(T0 + 120_000))).toBe('active');
  });

  it('ends a time token exactly at the end of its window, which ignores the unused expiry', () => {
    const time: TokenState = {
      ...base,
      policy: { mode: 'time', windowSeconds: 10 },
      useCount: 1,
      windowEndsAt: new Date(T0 + 70_000),
    };
    expect(tokenStatus(time, new Date(T0 + 69_999))).toBe('active');
    expect(tokenStatus(time, new Date(T0 + 70_000))).toBe('expired');
  });

  it('gives revocation precedence, then exhaustion, then an Argos expiry', () => {
    expect(tokenStatus({ ...base, useCount: 1, revokedAt: new Date(T0) }, new Date(T0))).toBe('revoked');
    expect(tokenStatus({ ...base, useCount: 1, expiredAt: new Date(T0) }, new Date(T0))).toBe('used');
    expect(tokenStatus({ ...base, expiredAt: new Date(T0) }, new Date(T0))).toBe('expired');
    // A time-based expiry Argos announced at first use (`expected_expired_at`) is not in force before then.
    expect(tokenStatus({ ...base, expiredAt: new Date(T0 + 1000) }, new Date(T0))).toBe('active');
  });
});
