import { Command } from 'commander';
import { CliConfig } from '../cli.config';
import { UrlFlags } from './codec-flags.interface';
import { addQueryOptions, printResult } from './codec.options';
import { DEFAULT_FORM_URL } from './encryption.plain';
import { urlAction } from './url.action';

export function urlCommand(config: CliConfig): Command {
  return addQueryOptions(new Command('url'))
    .requiredOption('--pid <pid>', 'FaceAuth project id (sent in clear text)')
    .option('--lang <lang>', 'page language, e.g. ko or en (sent in clear text)')
    .option('--form-url <url>', `capture page (default ${DEFAULT_FORM_URL})`)
    .description('Build a Face Auth URL from flags: {form-url}?pid=…&encrypted=…[&lang=…]')
    .action((flags: UrlFlags) => {
      printResult(flags, 'url', urlAction(flags, config.envKeyString));
    });
}
