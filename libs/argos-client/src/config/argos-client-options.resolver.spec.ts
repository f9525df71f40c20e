import { ArgosConfigError } from '../errors/argos-config.error';
import { ModuleOptionsError } from '@faceauth/core';
import { ArgosClientModuleOptions } from './argos-client-options.schema';
import { resolveArgosClientOptions } from './argos-client-options.resolver';

const KEY = 'K3Y-value_123';
const valid: ArgosClientModuleOptions = { projects: [{ name: 'kr', apiKey: KEY }] };

describe('resolveArgosClientOptions', () => {
  it('fills every default', () => {
    const resolved = resolveArgosClientOptions(valid);
    expect(resolved).toMatchObject({
      baseUrl: 'https://rest-api.argosidentity.com/v3',
      defaultProject: 'kr',
      timeouts: { connectMs: 5_000, requestMs: 10_000, uploadMs: 30_000, deadlineMs: 30_000 },
      retry: { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 2_000, maxRetryAfterMs: 10_000 },
      breaker: { failureThreshold: 5, resetAfterMs: 30_000 },
      maxImageBytes: 5 * 1024 * 1024,
    });
    expect(Object.isFrozen(resolved)).toBe(true);
    expect(resolveArgosClientOptions({ ...valid, retry: { baseDelayMs: 5_000 } }).retry.maxDelayMs).toBe(
      5_000,
    );
    expect(resolved.projects[0].apiKey).toBe(KEY);
    expect(Object.keys(resolved.projects[0])).toEqual(['name']);
  });

  it('strips a trailing slash and accepts plain http on loopback or when allowed', () => {
    expect(resolveArgosClientOptions({ ...valid, baseUrl: 'http://localhost:4010/v3/' }).baseUrl).toBe(
      'http://localhost:4010/v3',
    );
    expect(
      resolveArgosClientOptions({ ...valid, baseUrl: 'http://sandbox:4010/v3', allowInsecureHttp: true })
        .baseUrl,
    ).toBe('http://sandbox:4010/v3');
  });

  it.each<[string, unknown, RegExp]>([
    ['options', null, /'\(root\)'/],
    ['no projects', { projects: [] }, /'projects'/],
    ['a project without key', { projects: [{ name: 'kr' }] }, /'projects\[0\]\.apiKey'/],
    ['a key with spaces', { projects: [{ name: 'kr', apiKey: 'a b' }] }, /'projects\[0\]\.apiKey'/],
    ['a bad project name', { projects: [{ name: 'k r', apiKey: KEY }] }, /'projects\[0\]\.name'/],
    [
      'duplicate names',
      {
        projects: [
          { name: 'kr', apiKey: KEY },
          { name: 'kr', apiKey: KEY },
        ],
      },
      /'projects' must not repeat a project name/,
    ],
    ['an unknown default project', { ...valid, defaultProject: 'eu' }, /'defaultProject'/],
    ['a relative base URL', { ...valid, baseUrl: '/v3' }, /'baseUrl'/],
    ['an ftp base URL', { ...valid, baseUrl: 'ftp://x/v3' }, /'baseUrl'/],
    [
      'credentials in the base URL',
      { ...valid, baseUrl: 'https://u:p@x/v3' },
      /'baseUrl' must not embed credentials/,
    ],
    [
      'plain http to a remote host',
      { ...valid, baseUrl: 'http://rest-api.argosidentity.com/v3' },
      /'baseUrl' uses plain http/,
    ],
    [
      'a negative timeout',
      { ...valid, timeouts: { requestMs: -1 } },
      /'timeouts\.requestMs' must be an integer between 1 and/,
    ],
    ['a fractional timeout', { ...valid, timeouts: { connectMs: 1.5 } }, /'timeouts\.connectMs'/],
    [
      'a timeout beyond setTimeout',
      { ...valid, timeouts: { deadlineMs: 2 ** 31 } },
      /'timeouts\.deadlineMs'/,
    ],
    ['timeouts not an object', { ...valid, timeouts: 5 }, /'timeouts' must be an object/],
    ['zero attempts', { ...valid, retry: { maxAttempts: 0 } }, /'retry\.maxAttempts'/],
    [
      'a cap under the base delay',
      { ...valid, retry: { baseDelayMs: 500, maxDelayMs: 100 } },
      /'retry\.maxDelayMs'/,
    ],
    [
      'a zero breaker threshold',
      { ...valid, breaker: { failureThreshold: 0 } },
      /'breaker\.failureThreshold'/,
    ],
    ['a zero image limit', { ...valid, maxImageBytes: 0 }, /'maxImageBytes'/],
    ['a non-function clock', { ...valid, now: 5 }, /'now' must be a function/],
    ['a non-boolean allowInsecureHttp', { ...valid, allowInsecureHttp: 'yes' }, /'allowInsecureHttp'/],
  ])('rejects %s naming the option', (_case, options, message) => {
    expect(() => resolveArgosClientOptions(options as ArgosClientModuleOptions)).toThrow(ArgosConfigError);
    expect(() => resolveArgosClientOptions(options as ArgosClientModuleOptions)).toThrow(message);
  });

  it('never echoes a string value, which could be a key pasted in the wrong option', () => {
    expect(() =>
      resolveArgosClientOptions({ ...valid, retry: { maxAttempts: KEY as unknown as number } }),
    ).toThrow(/'retry\.maxAttempts'/);
    expect(() =>
      resolveArgosClientOptions({ ...valid, retry: { maxAttempts: KEY as unknown as number } }),
    ).not.toThrow(KEY);
  });

  it('keeps the hooks by reference: the observer may be a class instance', () => {
    class Observer {
      callCompleted(): void {}
      circuitChanged(): void {}
    }
    const observer = new Observer();
    const now = (): number => 5;
    const resolved = resolveArgosClientOptions({ ...valid, observer, now });
    expect(resolved.observer).toBe(observer);
    expect(resolved.now).toBe(now);
    expect(resolved.random).toBe(Math.random);
  });

  it('carries the refused option path and rule as its cause, for a composing module', () => {
    let error: unknown;
    try {
      resolveArgosClientOptions({ ...valid, breaker: { resetAfterMs: 0 } });
    } catch (caught) {
      error = caught;
    }
    expect((error as Error).cause).toBeInstanceOf(ModuleOptionsError);
    expect((error as Error).cause).toMatchObject({ option: 'breaker.resetAfterMs' });
  });
});
