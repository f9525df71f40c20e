import { ModuleOptionsError } from '@faceauth/core';
import { RetentionModuleOptions, resolveRetentionOptions } from './retention.options';

const DAY = 24 * 3600 * 1000;

describe('RetentionModule options', () => {
  it('fills every default, keeps what was given and turns days into milliseconds', () => {
    expect(resolveRetentionOptions({ tokenRetentionDays: 7, argos: { burst: 5 } })).toEqual({
      resultRetentionMs: 30 * DAY,
      tokenRetentionMs: 7 * DAY,
      inboxRetentionMs: 30 * DAY,
      scheduler: { enabled: true, intervalMs: 300_000 },
      batchSize: 100,
      argos: { ratePerSecond: 10, burst: 5, concurrency: 4 },
      retry: { periodMs: 72 * 3600 * 1000, baseDelayMs: 60_000, maxDelayMs: 6 * 3600 * 1000 },
      claimLeaseMs: 300_000,
      lock: { strategy: 'auto', leaseMs: 120_000 },
    });
  });

  it.each<[RetentionModuleOptions, string, string]>([
    [{ batchSize: 0 }, 'batchSize', 'must be a whole number from 1 to 1000'],
    [{ scheduler: 5 as never }, 'scheduler', 'must be an object'],
    [
      { retry: { baseDelayMs: 10, maxDelayMs: 5 } },
      'retry.maxDelayMs',
      'must be a whole number from baseDelayMs',
    ],
    [
      { argos: { ratePerSecond: 1 }, lock: { leaseMs: 1_000 } },
      'lock.leaseMs',
      'must be at least twice a batch',
    ],
  ])('refuses %j naming %s', (options, option, rule) => {
    const error = (() => {
      try {
        resolveRetentionOptions(options);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ModuleOptionsError);
    expect(error).toMatchObject({ module: 'RetentionModule', option });
    expect((error as Error).message).toContain(`RetentionModule option ${option} ${rule}`);
  });
});
