import { CliUsageError } from '../errors/cli-usage.error';
import { readCliInput } from '../io/cli-input.reader';
import { QueryFlags } from './codec-flags.interface';
import { hasQueryFlags, queryFromFlags } from './codec.options';
import { resolveCodecSettings } from './codec-settings.resolver';
import { createQueryCipher, serializeQuery, validateQuery } from './encryption.plain';

/** `faceauth encrypt`: the ciphertext of the plaintext argument (or stdin), or of the query given by flags. */
export async function encryptAction(
  plaintextArgument: string | undefined,
  flags: QueryFlags,
  envKeyString: string | undefined,
): Promise<string> {
  const fromFlags = hasQueryFlags(flags);
  if (fromFlags && plaintextArgument !== undefined)
    throw new CliUsageError('give either a plaintext argument or --sid flags, not both');
  const settings = resolveCodecSettings(flags, envKeyString);
  const plaintext = fromFlags
    ? serializeQuery(validateQuery(queryFromFlags(flags)), settings.format)
    : await readCliInput(plaintextArgument, 'the plaintext');
  return createQueryCipher(settings).encrypt(plaintext);
}
