import { readFileSync } from 'node:fs';
import { FACEAUTH_KEY_ENV } from '../cli.config';
import { CliUsageError } from '../errors/cli-usage.error';
import { CodecFlags } from './codec-flags.interface';
import { CipherName, deriveKey, GcmLayout, PlaintextFormat } from './encryption.plain';

/** Everything a command needs to build a cipher or a URL builder. */
export interface CodecSettings {
  key: Buffer;
  cipher: CipherName;
  format: PlaintextFormat;
  gcmLayout: Partial<GcmLayout>;
}

const CIPHERS: Readonly<Record<string, CipherName>> = {
  ecb: 'aes-256-ecb',
  'aes-256-ecb': 'aes-256-ecb',
  gcm: 'aes-256-gcm',
  'aes-256-gcm': 'aes-256-gcm',
};

/**
 * Resolves the key (--key, then --key-file, then {@link FACEAUTH_KEY_ENV}, given here as `envKeyString`)
 * and the cipher settings.
 */
export function resolveCodecSettings(flags: CodecFlags, envKeyString: string | undefined): CodecSettings {
  const cipher = CIPHERS[flags.cipher ?? 'ecb'];
  if (cipher === undefined) throw new CliUsageError('--cipher must be ecb or gcm');
  return {
    key: deriveKey(keyString(flags, envKeyString)),
    cipher,
    format: flags.format === 'querystring' ? 'querystring' : 'json',
    gcmLayout: {
      nonceLength: flags.gcmNonceLength,
      order: flags.gcmOrder as GcmLayout['order'] | undefined,
      encoding: flags.gcmEncoding as GcmLayout['encoding'] | undefined,
    },
  };
}

function keyString(flags: CodecFlags, envKeyString: string | undefined): string {
  if (flags.key !== undefined && flags.keyFile !== undefined)
    throw new CliUsageError('pass either --key or --key-file, not both');
  const key = flags.key ?? (flags.keyFile !== undefined ? readKeyFile(flags.keyFile) : envKeyString);
  if (key === undefined)
    throw new CliUsageError(`no key: pass --key-file <path>, set ${FACEAUTH_KEY_ENV}, or pass --key`);
  if (key.trim() === '') throw new CliUsageError('the key string is empty');
  return key;
}

function readKeyFile(path: string): string {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new CliUsageError(`cannot read --key-file ${path} (${reason})`);
  }
  return content.replace(/\r?\n$/, '');
}
