import { CommandRunner, Option } from 'nest-commander';
import { FACEAUTH_KEY_ENV } from '../cli.config';
import { CliUsageError } from '../errors/cli-usage.error';

// nest-commander installs these methods as commander argument parsers, which replaces commander's own
// `choices` check: the methods must validate themselves.
function oneOf(flag: string, value: string, allowed: readonly string[]): string {
  if (!allowed.includes(value)) throw new CliUsageError(`${flag} must be one of ${allowed.join(', ')}`);
  return value;
}

const CIPHER_CHOICES = ['ecb', 'gcm', 'aes-256-ecb', 'aes-256-gcm'];
const FORMAT_CHOICES = ['json', 'querystring'];
const ORDER_CHOICES = ['nonce-ciphertext-tag', 'nonce-tag-ciphertext'];
const ENCODING_CHOICES = ['base64', 'base64url', 'hex'];

/**
 * Flags shared by encrypt, decrypt and url. nest-commander discovers `@Option` methods along the
 * prototype chain, so each command inherits them from here instead of repeating them.
 */
export abstract class CodecBaseCommand extends CommandRunner {
  @Option({
    flags: '-k, --key <keyString>',
    description: `key string (API key or secretKey); prefer --key-file or ${FACEAUTH_KEY_ENV}`,
  })
  parseKey(value: string): string {
    return value;
  }

  @Option({
    flags: '--key-file <path>',
    description: 'file holding the key string (one trailing newline ignored)',
  })
  parseKeyFile(value: string): string {
    return value;
  }

  @Option({
    flags: '-c, --cipher <cipher>',
    description: 'ecb = vendor "AES-256", gcm = vendor "GCM-256"',
    choices: CIPHER_CHOICES,
    defaultValue: 'ecb',
  })
  parseCipher(value: string): string {
    return oneOf('--cipher', value, CIPHER_CHOICES);
  }

  @Option({
    flags: '-f, --format <format>',
    description: 'plaintext format of a FaceAuth query',
    choices: FORMAT_CHOICES,
    defaultValue: 'json',
  })
  parseFormat(value: string): string {
    return oneOf('--format', value, FORMAT_CHOICES);
  }

  @Option({ flags: '--gcm-nonce-length <bytes>', description: 'GCM nonce length, 12-16 (default 12)' })
  parseGcmNonceLength(value: string): number {
    const length = Number(value);
    if (!Number.isInteger(length) || length < 12 || length > 16)
      throw new CliUsageError('--gcm-nonce-length must be an integer from 12 to 16');
    return length;
  }

  @Option({
    flags: '--gcm-order <order>',
    description: 'GCM byte order (default nonce-ciphertext-tag)',
    choices: ORDER_CHOICES,
  })
  parseGcmOrder(value: string): string {
    return oneOf('--gcm-order', value, ORDER_CHOICES);
  }

  @Option({
    flags: '--gcm-encoding <encoding>',
    description: 'GCM text encoding (default base64)',
    choices: ENCODING_CHOICES,
  })
  parseGcmEncoding(value: string): string {
    return oneOf('--gcm-encoding', value, ENCODING_CHOICES);
  }
}
