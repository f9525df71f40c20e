import { readCliInput } from '../io/cli-input.reader';
import { DecryptFlags } from './codec-flags.interface';
import { resolveCodecSettings } from './codec-settings.resolver';
import { createQueryCipher, parseFaceAuthUrl, parseQuery } from './encryption.plain';

/** `faceauth decrypt`: the plaintext of a ciphertext or Face Auth URL, or with --parse its query as JSON. */
export async function decryptAction(
  inputArgument: string | undefined,
  flags: DecryptFlags,
  envKeyString: string | undefined,
): Promise<string> {
  const settings = resolveCodecSettings(flags, envKeyString);
  const { encrypted, pid, lang } = parseFaceAuthUrl(
    await readCliInput(inputArgument, 'the ciphertext or URL'),
  );
  const plaintext = createQueryCipher(settings).decrypt(encrypted);
  return flags.parse
    ? JSON.stringify({ pid, lang, query: parseQuery(plaintext, settings.format) })
    : plaintext;
}
