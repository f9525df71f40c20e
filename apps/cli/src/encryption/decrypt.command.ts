import { createQueryCipher, parseFaceAuthUrl, parseQuery } from '@faceauth/encryption';
import { Command, Option } from 'nest-commander';
import { CliInputReader } from '../io/cli-input.reader';
import { CodecFlags } from './codec-flags.interface';
import { CodecOptionsResolver } from './codec-options.resolver';
import { CodecBaseCommand } from './codec.base-command';

interface DecryptFlags extends CodecFlags {
  parse?: boolean;
}

@Command({
  name: 'decrypt',
  arguments: '[input]',
  argsDescription: { input: 'ciphertext (URL-encoded or not), a whole Face Auth URL, or - to read stdin' },
  description:
    'Decrypt a ciphertext or Face Auth URL; prints the plaintext exactly, or the parsed query with --parse',
})
export class DecryptCommand extends CodecBaseCommand {
  constructor(
    private readonly codecOptions: CodecOptionsResolver,
    private readonly input: CliInputReader,
  ) {
    super();
  }

  @Option({
    flags: '-p, --parse',
    description:
      'validate the plaintext as a FaceAuth query (per --format) and print {pid, lang, query} as JSON',
  })
  parseParse(): boolean {
    return true;
  }

  async run([inputArgument]: string[], flags: DecryptFlags): Promise<void> {
    const settings = this.codecOptions.resolve(flags);
    const { encrypted, pid, lang } = parseFaceAuthUrl(
      await this.input.read(inputArgument, 'the ciphertext or URL'),
    );
    const plaintext = createQueryCipher(settings).decrypt(encrypted);
    const output = flags.parse
      ? JSON.stringify({ pid, lang, query: parseQuery(plaintext, settings.format) })
      : plaintext;
    process.stdout.write(`${output}\n`);
  }
}
