import { Command, Option } from 'commander';
import { FACEAUTH_KEY_ENV } from '../cli.config';
import { CliUsageError } from '../errors/cli-usage.error';
import { CodecFlags, QueryFlags } from './codec-flags.interface';
import { FaceAuthQuery } from './encryption.plain';

function gcmNonceLength(value: string): number {
  const length = Number(value);
  if (!Number.isInteger(length) || length < 12 || length > 16)
    throw new CliUsageError('--gcm-nonce-length must be an integer from 12 to 16');
  return length;
}

/** Flags shared by encrypt, decrypt and url: the key and the cipher settings. */
export function addCodecOptions(command: Command): Command {
  return command
    .option(
      '-k, --key <keyString>',
      `key string (API key or secretKey); prefer --key-file or ${FACEAUTH_KEY_ENV}`,
    )
    .option('--key-file <path>', 'file holding the key string (one trailing newline ignored)')
    .addOption(
      new Option('-c, --cipher <cipher>', 'ecb = vendor "AES-256", gcm = vendor "GCM-256"')
        .choices(['ecb', 'gcm', 'aes-256-ecb', 'aes-256-gcm'])
        .default('ecb'),
    )
    .addOption(
      new Option('-f, --format <format>', 'plaintext format of a FaceAuth query')
        .choices(['json', 'querystring'])
        .default('json'),
    )
    .option('--gcm-nonce-length <bytes>', 'GCM nonce length, 12-16 (default 12)', gcmNonceLength)
    .addOption(
      new Option('--gcm-order <order>', 'GCM byte order (default nonce-ciphertext-tag)').choices([
        'nonce-ciphertext-tag',
        'nonce-tag-ciphertext',
      ]),
    )
    .addOption(
      new Option('--gcm-encoding <encoding>', 'GCM text encoding (default base64)').choices([
        'base64',
        'base64url',
        'hex',
      ]),
    )
    .option('--json', 'print the result as a JSON object instead of text');
}

/** The command's one result: `{"<field>": value}` with --json, otherwise the bare text. */
export function printResult(flags: CodecFlags, field: string, value: string): void {
  process.stdout.write(`${flags.json ? JSON.stringify({ [field]: value }) : value}\n`);
}

/** Adds the FaceAuth query flags (sid, authUserId, authCf1..3, token) to the codec flags. */
export function addQueryOptions(command: Command): Command {
  return addCodecOptions(command)
    .option('--sid <sid>', 'approved ID Check submission id')
    .option('--auth-user-id <id>', 'your own user id (authUserId)')
    .option('--cf1 <value>', 'custom field authCf1')
    .option('--cf2 <value>', 'custom field authCf2')
    .option('--cf3 <value>', 'custom field authCf3')
    .option('--token <tokenId>', 'FaceAuth token id (8-64 of [A-Za-z0-9._-])');
}

/** The query described by the flags; validation is left to the library so messages stay uniform. */
export function queryFromFlags(flags: QueryFlags): FaceAuthQuery {
  return {
    sid: flags.sid ?? '',
    authUserId: flags.authUserId,
    authCf1: flags.cf1,
    authCf2: flags.cf2,
    authCf3: flags.cf3,
    token: flags.token,
  };
}

export function hasQueryFlags(flags: QueryFlags): boolean {
  return [flags.sid, flags.authUserId, flags.cf1, flags.cf2, flags.cf3, flags.token].some(
    (v) => v !== undefined,
  );
}
