import { ModuleOptionsError } from '@faceauth/core';
import { WebhookModuleOptions, resolveWebhookOptions } from './webhook.options';

const SECRET = 'a-secret-of-20-chars';

describe('WebhookModule options', () => {
  it('fills every default and keeps what was given', () => {
    expect(resolveWebhookOptions({ secrets: [SECRET], processor: { batchSize: 10 } })).toEqual({
      secrets: [SECRET],
      allowedSources: [],
      secureTransmission: 'auto',
      verifyByFetch: true,
      verification: { maxNotFoundLookups: 3, lookupsPerSecond: 20 },
      processor: {
        enabled: true,
        pollIntervalMs: 1_000,
        batchSize: 10,
        concurrency: 4,
        maxAttempts: 8,
        baseDelayMs: 1_000,
        maxDelayMs: 300_000,
        leaseMs: 60_000,
      },
      reconcile: { enabled: true, intervalMs: 300_000, lookbackDays: 2 },
    });
    expect(resolveWebhookOptions({ allowedSources: ['10.0.0.0/8', '::1', '2001:db8::/32'] })).toBeDefined();
  });

  it.each<[WebhookModuleOptions, string]>([
    [{ secrets: [SECRET, 'short-secret'] }, 'secrets'],
    [{ secrets: [`${SECRET} with spaces`] }, 'secrets'],
    [{ allowedSources: ['10.0.0.0/33'] }, 'allowedSources'],
    [{ allowedSources: ['example.com'] }, 'allowedSources'],
    [{ processor: { leaseMs: 0 } }, 'processor.leaseMs'],
    [{ secureTransmission: 'sometimes' as never }, 'secureTransmission'],
  ])('refuses %j naming the option, never quoting a secret', (options, option) => {
    const error = (() => {
      try {
        resolveWebhookOptions(options);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ModuleOptionsError);
    expect(error).toMatchObject({ module: 'WebhookModule', option });
    expect((error as Error).message).not.toContain(SECRET);
  });
});
