import { FaceAuthOptionsError, preflightFaceAuthOptions } from './faceauth-options.preflight';
import { FaceAuthModuleOptions } from './faceauth-module.options';
import { resolveFaceAuthOptions } from './faceauth-options.resolver';

const minimal = (overrides: Partial<FaceAuthModuleOptions> = {}): FaceAuthModuleOptions => ({
  projects: [{ name: 'main', pid: 'pid-1', apiKey: 'add-on-key-1' }],
  argos: { apiBaseUrl: 'https://rest-api.example/v3', formUrl: 'https://form.example/face-auth' },
  http: { publicBaseUrl: 'https://auth.example' },
  ...overrides,
});

describe('FaceAuthModule options', () => {
  it('needs only name, pid and apiKey per project: the rest defaults as a new Argos project does', () => {
    expect(() => preflightFaceAuthOptions(minimal())).not.toThrow();
    expect(resolveFaceAuthOptions(minimal()).projects[0]).toEqual({
      name: 'main',
      pid: 'pid-1',
      apiKey: 'add-on-key-1',
      cipher: 'aes-256-ecb',
      plaintextFormat: 'json',
      tokenExpiration: { mode: 'off' },
    });
  });

  it.each<[string, Partial<FaceAuthModuleOptions>, RegExp]>([
    [
      'a project cipher',
      { projects: [{ name: 'm', pid: 'p', apiKey: 'k', cipher: 'rot13' as never }] },
      /cipher/,
    ],
    ['a short webhook secret (a library option)', { webhooks: { secrets: ['short'] } }, /secrets/],
    ['an argos URL', { argos: { apiBaseUrl: 'ftp://x', formUrl: 'https://f' } }, /argos\.apiBaseUrl/],
    [
      'a short-link base URL',
      { http: { publicBaseUrl: 'https://auth.example', shortLinkBaseUrl: 'auth.example/l' } },
      /http\.shortLinkBaseUrl must be an http\(s\) URL/,
    ],
  ])('refuses %s in one line naming it', (_case, overrides, named) => {
    let error: unknown;
    try {
      preflightFaceAuthOptions(minimal(overrides));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FaceAuthOptionsError);
    expect((error as Error).message).toMatch(named);
    expect((error as Error).message).not.toContain('\n');
  });
});
