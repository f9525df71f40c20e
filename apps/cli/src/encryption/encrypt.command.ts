import { createQueryCipher, serializeQuery, validateQuery } from '@faceauth/encryption';
import { Command } from 'nest-commander';
import { CliUsageError } from '../errors/cli-usage.error';
import { CliInputReader } from '../io/cli-input.reader';
import { QueryFlags } from './codec-flags.interface';
import { CodecOptionsResolver } from './codec-options.resolver';
import { QueryFlagsBaseCommand } from './query-flags.base-command';

@Command({
  name: 'encrypt',
  arguments: '[plaintext]',
  argsDescription: {
    plaintext: 'text to encrypt exactly as given, or - to read stdin; omit it when using --sid',
  },
  description:
    'Encrypt a plaintext (like the vendor Encryption Tool), or a FaceAuth query given by --sid and friends',
})
export class EncryptCommand extends QueryFlagsBaseCommand {
  constructor(
    private readonly codecOptions: CodecOptionsResolver,
    private readonly input: CliInputReader,
  ) {
    super();
  }

  async run([plaintextArgument]: string[], flags: QueryFlags): Promise<void> {
    const fromFlags = this.hasQueryFlags(flags);
    if (fromFlags && plaintextArgument !== undefined)
      throw new CliUsageError('give either a plaintext argument or --sid flags, not both');
    const settings = this.codecOptions.resolve(flags);
    const plaintext = fromFlags
      ? serializeQuery(validateQuery(this.queryFromFlags(flags)), settings.format)
      : await this.input.read(plaintextArgument, 'the plaintext');
    const cipher = createQueryCipher(settings);
    process.stdout.write(`${cipher.encrypt(plaintext)}\n`);
  }
}
