import { resolveAdminApiOptions } from './admin-api.options';

describe('AdminApiModule options', () => {
  it('fills the defaults and drops trailing slashes of the public base URL', () => {
    expect(resolveAdminApiOptions({ publicBaseUrl: 'https://auth.example/faceauth/' })).toEqual({
      staticKeys: [],
      keyRefreshMs: 5_000,
      publicBaseUrl: 'https://auth.example/faceauth',
    });
  });

  it.each([
    [{ publicBaseUrl: 'auth.example' }, 'publicBaseUrl must be an absolute http(s) URL'],
    [{ publicBaseUrl: 'ftp://auth.example' }, 'publicBaseUrl must be an absolute http(s) URL'],
    [{ publicBaseUrl: 'https://auth.example', keyRefreshMs: -1 }, 'keyRefreshMs must be a whole number'],
  ])('refuses %j naming the option', (options, message) => {
    expect(() => resolveAdminApiOptions(options)).toThrow(`AdminApiModule option ${message}`);
  });
});
