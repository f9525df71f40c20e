import { DEFAULT_FORM_URL, FaceAuthUrlBuilder } from '@faceauth/encryption';
import { Command, Option } from 'nest-commander';
import { QueryFlags } from './codec-flags.interface';
import { CodecOptionsResolver } from './codec-options.resolver';
import { QueryFlagsBaseCommand } from './query-flags.base-command';

interface UrlFlags extends QueryFlags {
  pid: string;
  lang?: string;
  formUrl?: string;
}

@Command({
  name: 'url',
  description: 'Build a Face Auth URL from flags: {form-url}?pid=…&encrypted=…[&lang=…]',
})
export class UrlCommand extends QueryFlagsBaseCommand {
  constructor(private readonly codecOptions: CodecOptionsResolver) {
    super();
  }

  @Option({ flags: '--pid <pid>', description: 'FaceAuth project id (sent in clear text)', required: true })
  parsePid(value: string): string {
    return value;
  }

  @Option({ flags: '--lang <lang>', description: 'page language, e.g. ko or en (sent in clear text)' })
  parseLang(value: string): string {
    return value;
  }

  @Option({ flags: '--form-url <url>', description: `capture page (default ${DEFAULT_FORM_URL})` })
  parseFormUrl(value: string): string {
    return value;
  }

  async run(_params: string[], flags: UrlFlags): Promise<void> {
    const settings = this.codecOptions.resolve(flags);
    const builder = new FaceAuthUrlBuilder({ ...settings, pid: flags.pid, formUrl: flags.formUrl });
    process.stdout.write(`${builder.build(this.queryFromFlags(flags), { lang: flags.lang })}\n`);
  }
}
