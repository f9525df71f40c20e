import { Command } from 'commander';
import { CliConfig } from '../cli.config';
import { QueryFlags } from './codec-flags.interface';
import { addQueryOptions, printResult } from './codec.options';
import { encryptAction } from './encrypt.action';

export function encryptCommand(config: CliConfig): Command {
  return addQueryOptions(new Command('encrypt'))
    .description(
      'Encrypt a plaintext (like the vendor Encryption Tool), or a FaceAuth query given by --sid and friends',
    )
    .argument('[plaintext]', 'text to encrypt exactly as given, or - to read stdin; omit it when using --sid')
    .action(async (plaintext: string | undefined, flags: QueryFlags) => {
      printResult(flags, 'ciphertext', await encryptAction(plaintext, flags, config.envKeyString));
    });
}
