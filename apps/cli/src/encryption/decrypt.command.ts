import { Command } from 'commander';
import { CliConfig } from '../cli.config';
import { DecryptFlags } from './codec-flags.interface';
import { addCodecOptions, printResult } from './codec.options';
import { decryptAction } from './decrypt.action';

export function decryptCommand(config: CliConfig): Command {
  return addCodecOptions(new Command('decrypt'))
    .option(
      '-p, --parse',
      'validate the plaintext as a FaceAuth query (per --format) and print {pid, lang, query} as JSON',
    )
    .description(
      'Decrypt a ciphertext or Face Auth URL; prints the plaintext exactly, or the parsed query with --parse',
    )
    .argument('[input]', 'ciphertext (URL-encoded or not), a whole Face Auth URL, or - to read stdin')
    .action(async (input: string | undefined, flags: DecryptFlags) => {
      const output = await decryptAction(input, flags, config.envKeyString);
      // --parse prints a JSON object already, with or without --json.
      if (flags.parse) process.stdout.write(`${output}\n`);
      else printResult(flags, 'plaintext', output);
    });
}
