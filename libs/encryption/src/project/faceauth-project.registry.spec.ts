import crypto from 'node:crypto';
import { ARGOS_TEST_VECTOR } from '../contract/argos-test-vector.constants';
import { DecryptionError } from '../errors/decryption.error';
import { EncryptionConfigErrorCode } from '../errors/encryption-config-error-code.enum';
import { EncryptionConfigError } from '../errors/encryption-config.error';
import { EncryptionModuleOptions } from './encryption-options.interface';
import { FaceAuthProjectRegistry } from './faceauth-project.registry';

const options: EncryptionModuleOptions = {
  projects: [
    { name: 'kr', pid: 'pid-kr', keyString: ARGOS_TEST_VECTOR.keyString },
    { name: 'us', pid: 'pid-us', keyString: 'US_KEY', cipher: 'aes-256-gcm', format: 'querystring' },
  ],
};

function configError(run: () => unknown): EncryptionConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof EncryptionConfigError) return error;
    throw error;
  }
  throw new Error('expected an EncryptionConfigError');
}

describe('FaceAuthProjectRegistry', () => {
  afterEach(() => jest.restoreAllMocks());

  it('uses the first project as default and builds the test vector with it', () => {
    const registry = new FaceAuthProjectRegistry(options);
    expect(registry.defaultProjectName).toBe('kr');
    expect(registry.projectNames()).toEqual(['kr', 'us']);
    expect(registry.build(ARGOS_TEST_VECTOR.query)).toContain(
      `pid=pid-kr&encrypted=${encodeURIComponent(ARGOS_TEST_VECTOR.ciphertext)}`,
    );
  });

  it('honours defaultProject and per-call project', () => {
    const registry = new FaceAuthProjectRegistry({ ...options, defaultProject: 'us' });
    expect(registry.build({ sid: 's' })).toContain('pid=pid-us&');
    expect(registry.build({ sid: 's' }, { project: 'kr', lang: 'ko' })).toMatch(/pid=pid-kr&.*&lang=ko$/);
  });

  it('decrypts with the project whose pid is in the URL, else the default, else the one asked for', () => {
    const registry = new FaceAuthProjectRegistry(options);
    const usUrl = registry.build({ sid: 'sub_us' }, { project: 'us' });
    expect(registry.decrypt(usUrl)).toEqual({ project: 'us', pid: 'pid-us', query: { sid: 'sub_us' } });
    const bare = new URL(usUrl).searchParams.get('encrypted') ?? '';
    expect(() => registry.decrypt(bare)).toThrow(DecryptionError);
    expect(registry.decrypt(bare, { project: 'us' }).query).toEqual({ sid: 'sub_us' });
    expect(registry.decrypt(ARGOS_TEST_VECTOR.ciphertext)).toEqual({
      project: 'kr',
      query: ARGOS_TEST_VECTOR.query,
    });
  });

  it('throws UNKNOWN_PROJECT for an unknown project name', () => {
    const registry = new FaceAuthProjectRegistry(options);
    const error = configError(() => registry.forProject('jp'));
    expect(error.code).toBe(EncryptionConfigErrorCode.UNKNOWN_PROJECT);
    expect(error.message).toContain('jp');
    expect(error.message).not.toContain('kr');
    expect(configError(() => registry.forProject('<script>')).message).not.toContain('<script>');
    expect(configError(() => registry.build({ sid: 's' }, { project: 'jp' })).code).toBe(
      EncryptionConfigErrorCode.UNKNOWN_PROJECT,
    );
  });

  it.each<[string, string, unknown]>([
    ['no projects', 'projects', { projects: [] }],
    ['projects not an array', 'projects', { projects: 'kr' }],
    ['a missing pid', 'projects[0].pid', { projects: [{ name: 'a', keyString: 'k' }] }],
    ['a blank key', 'projects[0].keyString', { projects: [{ name: 'a', pid: 'p', keyString: '  ' }] }],
    ['a missing name', 'projects[0].name', { projects: [{ pid: 'p', keyString: 'k' }] }],
    [
      'a duplicate name',
      'projects[1].name',
      {
        projects: [
          { name: 'a', pid: 'p', keyString: 'k' },
          { name: 'a', pid: 'q', keyString: 'k' },
        ],
      },
    ],
    [
      'a bad cipher',
      'projects[0].cipher',
      { projects: [{ name: 'a', pid: 'p', keyString: 'k', cipher: 'aes-128-cbc' }] },
    ],
    [
      'a bad format',
      'projects[0].format',
      { projects: [{ name: 'a', pid: 'p', keyString: 'k', format: 'xml' }] },
    ],
    [
      'a bad GCM layout',
      'projects[0].gcmLayout.order',
      { projects: [{ name: 'a', pid: 'p', keyString: 'k', gcmLayout: { order: 'x' } }] },
    ],
    [
      'an unknown defaultProject',
      'defaultProject',
      { projects: [{ name: 'a', pid: 'p', keyString: 'k' }], defaultProject: 'b' },
    ],
    ['a bad formUrl', 'formUrl', { formUrl: 'ftp://x', projects: [{ name: 'a', pid: 'p', keyString: 'k' }] }],
  ])('rejects %s with a message naming %s', (_label, option, bad) => {
    const error = configError(() => new FaceAuthProjectRegistry(bad as EncryptionModuleOptions));
    expect(error.code).toBe(EncryptionConfigErrorCode.INVALID_OPTION);
    expect(error.option).toBe(option);
    expect(error.message).toContain(option);
  });

  it('never puts a key string in a configuration error', () => {
    const error = configError(
      () =>
        new FaceAuthProjectRegistry({ projects: [{ name: 'a', pid: '', keyString: 'SUPER_SECRET_KEY' }] }),
    );
    expect(error.message).not.toContain('SUPER_SECRET_KEY');
  });

  describe('key derivation', () => {
    it('derives each project key once at construction, and never while building 10,000 URLs', () => {
      const createHash = jest.spyOn(crypto, 'createHash');
      const registry = new FaceAuthProjectRegistry({ projects: [options.projects[0]!] });
      expect(createHash).toHaveBeenCalledTimes(1);
      expect(createHash).toHaveBeenCalledWith('sha256');
      for (let i = 0; i < 10_000; i++)
        registry.build({ sid: `sub_${i}`, token: `tok_${String(i).padStart(8, '0')}` });
      expect(createHash).toHaveBeenCalledTimes(1);
    });

    it('derives one key per project, whatever the number of URLs and projects used', () => {
      const createHash = jest.spyOn(crypto, 'createHash');
      const registry = new FaceAuthProjectRegistry(options);
      for (let i = 0; i < 10_000; i++)
        registry.build({ sid: `sub_${i}` }, { project: i % 2 === 0 ? 'kr' : 'us' });
      expect(createHash).toHaveBeenCalledTimes(2);
    });

    it('is observed by the spy (the check above would be vacuous otherwise)', () => {
      const createHash = jest.spyOn(crypto, 'createHash');
      new FaceAuthProjectRegistry(options);
      new FaceAuthProjectRegistry(options);
      expect(createHash).toHaveBeenCalledTimes(4);
    });
  });
});
