import { resolveLinkPolicy } from './policy-resolver';
import { TokenError, TokenErrorCode } from './token.error';

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return error instanceof TokenError ? error.code : 'OTHER';
  }
  return undefined;
};

describe('resolveLinkPolicy', () => {
  it("defaults to the project's Argos setting", () => {
    expect(resolveLinkPolicy(undefined, { mode: 'off' })).toEqual({ mode: 'count', maxUses: 1 });
    expect(resolveLinkPolicy(undefined, { mode: 'count' })).toEqual({ mode: 'count', maxUses: 1 });
    expect(resolveLinkPolicy(undefined, { mode: 'time', windowSeconds: 86400 })).toEqual({
      mode: 'time',
      windowSeconds: 86400,
    });
  });

  it('accepts anything well-formed when Argos enforces nothing', () => {
    expect(resolveLinkPolicy({ mode: 'count', maxUses: 5 }, { mode: 'off' })).toEqual({
      mode: 'count',
      maxUses: 5,
    });
    expect(resolveLinkPolicy({ mode: 'time', windowSeconds: 60 }, { mode: 'off' })).toEqual({
      mode: 'time',
      windowSeconds: 60,
    });
  });

  it('refuses promises that Argos would break', () => {
    expect(codeOf(() => resolveLinkPolicy({ mode: 'count', maxUses: 2 }, { mode: 'count' }))).toBe(
      TokenErrorCode.POLICY_NOT_HONOURED,
    );
    expect(codeOf(() => resolveLinkPolicy({ mode: 'time', windowSeconds: 60 }, { mode: 'count' }))).toBe(
      TokenErrorCode.POLICY_NOT_HONOURED,
    );
    expect(
      codeOf(() =>
        resolveLinkPolicy({ mode: 'time', windowSeconds: 61 }, { mode: 'time', windowSeconds: 60 }),
      ),
    ).toBe(TokenErrorCode.POLICY_NOT_HONOURED);
    expect(
      codeOf(() => resolveLinkPolicy({ mode: 'count', maxUses: 2 }, { mode: 'time', windowSeconds: 60 })),
    ).toBe(TokenErrorCode.POLICY_NOT_HONOURED);
    expect(
      resolveLinkPolicy({ mode: 'time', windowSeconds: 60 }, { mode: 'time', windowSeconds: 60 }),
    ).toEqual({ mode: 'time', windowSeconds: 60 });
    expect(resolveLinkPolicy({ mode: 'count', maxUses: 1 }, { mode: 'time', windowSeconds: 60 })).toEqual({
      mode: 'count',
      maxUses: 1,
    });
  });

  it('refuses malformed policies', () => {
    expect(codeOf(() => resolveLinkPolicy({ mode: 'count', maxUses: 0 }, { mode: 'off' }))).toBe(
      TokenErrorCode.INVALID_POLICY,
    );
    expect(codeOf(() => resolveLinkPolicy({ mode: 'count', maxUses: 1.5 }, { mode: 'off' }))).toBe(
      TokenErrorCode.INVALID_POLICY,
    );
    expect(codeOf(() => resolveLinkPolicy({ mode: 'time', windowSeconds: 0 }, { mode: 'off' }))).toBe(
      TokenErrorCode.INVALID_POLICY,
    );
  });
});
