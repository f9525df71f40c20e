import { EncryptionConfigError } from '../errors/encryption-config.error';
import { DEFAULT_GCM_LAYOUT, GcmLayout, resolveGcmLayout } from './gcm-layout';

describe('resolveGcmLayout', () => {
  it('defaults to nonce 12, nonce-ciphertext-tag, base64', () => {
    expect(resolveGcmLayout(undefined)).toEqual({
      nonceLength: 12,
      order: 'nonce-ciphertext-tag',
      encoding: 'base64',
    });
    expect(DEFAULT_GCM_LAYOUT).toEqual(resolveGcmLayout({}));
  });

  it('keeps defaults for keys explicitly set to undefined', () => {
    expect(resolveGcmLayout({ nonceLength: undefined, encoding: 'hex' })).toEqual({
      ...DEFAULT_GCM_LAYOUT,
      encoding: 'hex',
    });
  });

  it.each<[Partial<GcmLayout>, string]>([
    [{ nonceLength: 11 }, 'projects[2].gcmLayout.nonceLength'],
    [{ nonceLength: 17 }, 'projects[2].gcmLayout.nonceLength'],
    [{ nonceLength: 12.5 }, 'projects[2].gcmLayout.nonceLength'],
    [{ order: 'tag-first' as GcmLayout['order'] }, 'projects[2].gcmLayout.order'],
    [{ encoding: 'base32' as GcmLayout['encoding'] }, 'projects[2].gcmLayout.encoding'],
  ])('rejects %j naming %s', (partial, option) => {
    try {
      resolveGcmLayout(partial, 'projects[2].gcmLayout');
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toBeInstanceOf(EncryptionConfigError);
      expect((error as EncryptionConfigError).option).toBe(option);
      expect((error as Error).message).toContain(option);
    }
  });
});
