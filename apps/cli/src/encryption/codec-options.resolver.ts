import { readFileSync } from 'node:fs';
import { CipherName, deriveKey, GcmLayout, PlaintextFormat } from '@faceauth/encryption';
import { Injectable } from '@nestjs/common';
import { CliConfig, FACEAUTH_KEY_ENV } from '../cli.config';
import { CliUsageError } from '../errors/cli-usage.error';
import { CodecFlags } from './codec-flags.interface';

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

@Injectable()
export class CodecOptionsResolver {
  constructor(private readonly config: CliConfig) {}

  /** Resolves the key (--key, then --key-file, then the environment) and the cipher settings. */
  resolve(flags: CodecFlags): CodecSettings {
    const cipher = CIPHERS[flags.cipher ?? 'ecb'];
    if (cipher === undefined) throw new CliUsageError('--cipher must be ecb or gcm');
    return {
      key: deriveKey(this.keyString(flags)),
      cipher,
      format: flags.format === 'querystring' ? 'querystring' : 'json',
      gcmLayout: {
        nonceLength: flags.gcmNonceLength,
        order: flags.gcmOrder as GcmLayout['order'] | undefined,
        encoding: flags.gcmEncoding as GcmLayout['encoding'] | undefined,
      },
    };
  }

  private keyString(flags: CodecFlags): string {
    if (flags.key !== undefined && flags.keyFile !== undefined)
      throw new CliUsageError('pass either --key or --key-file, not both');
    const keyString =
      flags.key ?? (flags.keyFile !== undefined ? this.readKeyFile(flags.keyFile) : this.config.envKeyString);
    if (keyString === undefined)
      throw new CliUsageError(`no key: pass --key-file <path>, set ${FACEAUTH_KEY_ENV}, or pass --key`);
    if (keyString.trim() === '') throw new CliUsageError('the key string is empty');
    return keyString;
  }

  private readKeyFile(path: string): string {
    let content: string;
    try {
      content = readFileSync(path, 'utf8');
    } catch (error) {
      const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
      throw new CliUsageError(`cannot read --key-file ${path} (${reason})`);
    }
    return content.replace(/\r?\n$/, '');
  }
}
