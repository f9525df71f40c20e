import { ModuleOptionsError } from '@faceauth/core';
import { DEFAULT_RETRY_SCHEDULE_MS, resolveNotificationsOptions } from './notifications.options';

describe('resolveNotificationsOptions', () => {
  it('fills the production defaults', () => {
    const options = resolveNotificationsOptions({ eventTypes: ['faceauth.result'] });
    expect(options).toMatchObject({
      allowPrivateTargets: false,
      requireHttps: true,
      secretOverlapMs: 86_400_000,
      delivery: { timeoutMs: 10_000, leaseMs: 60_000, jitter: 0.1, disableEndpointAfter: 15 },
      dispatcher: { autoStart: true, pollIntervalMs: 1_000, batchSize: 50, concurrency: 8 },
    });
    expect(options.delivery.retryScheduleMs).toEqual(DEFAULT_RETRY_SCHEDULE_MS);
  });

  it.each([
    [{ eventTypes: [] }, 'eventTypes'],
    [{ eventTypes: ['bad type'] }, 'eventTypes'],
    [{ eventTypes: ['a'], delivery: { timeoutMs: 5_000, leaseMs: 1_000 } }, 'delivery.leaseMs'],
    [{ eventTypes: ['a'], delivery: { retryScheduleMs: [0] } }, 'delivery.retryScheduleMs'],
    [{ eventTypes: ['a'], requireHttps: 'yes' }, 'requireHttps'],
  ])('refuses %j at %s', (options, path) => {
    expect(() => resolveNotificationsOptions(options as never)).toThrow(ModuleOptionsError);
    try {
      resolveNotificationsOptions(options as never);
    } catch (error) {
      expect((error as ModuleOptionsError).option).toBe(path);
    }
  });
});
