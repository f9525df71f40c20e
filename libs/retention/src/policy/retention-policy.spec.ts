import { resolveRetentionOptions } from '../retention.options';
import { resultDeadline, retentionCutoffs, retentionSchedule } from './retention-policy';

const DAY = 24 * 3600 * 1000;

describe('retention policy', () => {
  const options = resolveRetentionOptions({
    resultRetentionDays: 30,
    tokenRetentionDays: 7,
    inboxRetentionDays: 14,
  });

  it('derives every cutoff from one instant', () => {
    const now = new Date(Date.UTC(2026, 5, 1));
    expect(retentionCutoffs(now, options)).toEqual({
      now: now.getTime(),
      results: now.getTime() - 30 * DAY,
      tokens: now.getTime() - 7 * DAY,
      inbox: now.getTime() - 14 * DAY,
    });
  });

  it('brings a deadline forward when the person asked, never back', () => {
    expect(resultDeadline(0, null, options)).toBe(30 * DAY);
    expect(resultDeadline(0, 5, options)).toBe(5);
    expect(resultDeadline(0, 40 * DAY, options)).toBe(30 * DAY);
  });

  it('refuses a retention longer than three years and names the option', () => {
    expect(() => resolveRetentionOptions({ resultRetentionDays: 1096 })).toThrow('resultRetentionDays');
    expect(() => resolveRetentionOptions({ argos: { ratePerSecond: 0 } })).toThrow('argos.ratePerSecond');
    expect(() => resolveRetentionOptions({ retry: { baseDelayMs: 10, maxDelayMs: 5 } })).toThrow(
      'retry.maxDelayMs',
    );
    expect(() => resolveRetentionOptions({ batchSize: 1000, argos: { ratePerSecond: 1 } })).toThrow(
      'claimLeaseMs',
    );
  });

  it('states the schedule an operator can publish', () => {
    const schedule = retentionSchedule(options);
    expect(schedule).toMatchObject({
      resultRetentionDays: 30,
      tokenRetentionDays: 7,
      inboxRetentionDays: 14,
      retryPeriodHours: 72,
    });
    expect(schedule.statement).toContain('30 days after the authentication');
  });
});
