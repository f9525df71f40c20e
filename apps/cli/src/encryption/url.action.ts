import { UrlFlags } from './codec-flags.interface';
import { queryFromFlags } from './codec.options';
import { resolveCodecSettings } from './codec-settings.resolver';
import { FaceAuthUrlBuilder } from './encryption.plain';

/** `faceauth url`: the Face Auth URL of the query given by flags. */
export function urlAction(flags: UrlFlags, envKeyString: string | undefined): string {
  const settings = resolveCodecSettings(flags, envKeyString);
  const builder = new FaceAuthUrlBuilder({ ...settings, pid: flags.pid, formUrl: flags.formUrl });
  return builder.build(queryFromFlags(flags), { lang: flags.lang });
}
