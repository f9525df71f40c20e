import {
  LinkMetadata,
  linkContextProblem,
  LinkPolicy,
  LinkService,
  MintLinkInput,
} from '@faceauth/token-policy';
import { Option, SubCommand } from 'nest-commander';
import { JsonFlag, JsonOutputCommand } from '../commands/json-output.base-command';
import { ServiceContextRunner } from '../context/service-context';
import { CliUsageError } from '../errors/cli-usage.error';
import { matching, wholeNumber } from '../flags/cli-value.parser';
import { toLinkDto } from '@faceauth/admin-api';
import { SAFE_NAME_PATTERN } from '@faceauth/core';

interface LinksCreateFlags extends JsonFlag {
  sid: string;
  authUserId?: string;
  cf1?: string;
  cf2?: string;
  cf3?: string;
  lang?: string;
  maxUses?: number;
  windowSeconds?: number;
  expiresIn?: number;
  project?: string;
  urlOnly?: boolean;
  clientReference?: string;
  metadata?: LinkMetadata;
}

// Field rules of POST /v1/links (CreateLinkDto), so the CLI accepts exactly what the API accepts.
const PROJECT = SAFE_NAME_PATTERN;
const LANG = /^[a-z]{2}(-[A-Za-z]{2})?$/;
const TEXT_1_256 = /^[\s\S]{1,256}$/;
const TEXT_0_512 = /^[\s\S]{0,512}$/;
const MAX_USES_LIMIT = 1000;

@SubCommand({
  name: 'create',
  description: 'Mint a FaceAuth link for one person; prints it as JSON (as POST /v1/links does), or its URL',
})
export class LinksCreateCommand extends JsonOutputCommand {
  constructor(private readonly context: ServiceContextRunner) {
    super();
  }

  @Option({ flags: '--sid <sid>', description: 'approved ID Check submission id', required: true })
  parseSid(value: string): string {
    return matching('--sid', value, TEXT_1_256, '1-256 characters');
  }

  @Option({ flags: '--auth-user-id <id>', description: 'your own id for this person (authUserId)' })
  parseAuthUserId(value: string): string {
    return matching('--auth-user-id', value, TEXT_1_256, '1-256 characters');
  }

  @Option({ flags: '--cf1 <value>', description: 'custom field authCf1' })
  parseCf1(value: string): string {
    return matching('--cf1', value, TEXT_0_512, 'at most 512 characters');
  }

  @Option({ flags: '--cf2 <value>', description: 'custom field authCf2' })
  parseCf2(value: string): string {
    return matching('--cf2', value, TEXT_0_512, 'at most 512 characters');
  }

  @Option({ flags: '--cf3 <value>', description: 'custom field authCf3' })
  parseCf3(value: string): string {
    return matching('--cf3', value, TEXT_0_512, 'at most 512 characters');
  }

  @Option({ flags: '--lang <lang>', description: 'language of the hosted page, e.g. en or ko' })
  parseLang(value: string): string {
    return matching('--lang', value, LANG, 'a language code such as en or ko');
  }

  @Option({
    flags: '--max-uses <n>',
    description: `count policy: used up after n results (1-${MAX_USES_LIMIT})`,
  })
  parseMaxUses(value: string): number {
    return wholeNumber('--max-uses', value, 1, MAX_USES_LIMIT);
  }

  @Option({
    flags: '--window-seconds <s>',
    description: 'time policy: usable for s seconds after the first use',
  })
  parseWindowSeconds(value: string): number {
    return wholeNumber('--window-seconds', value, 1);
  }

  @Option({ flags: '--expires-in <s>', description: 'validity of the never-used link, in seconds' })
  parseExpiresIn(value: string): number {
    return wholeNumber('--expires-in', value, 1);
  }

  @Option({
    flags: '--project <name>',
    description: 'configured FaceAuth project (default project if omitted)',
  })
  parseProject(value: string): string {
    return matching('--project', value, PROJECT, 'a configured project name');
  }

  @Option({
    flags: '--client-reference <ref>',
    description: 'your own reference for the link (e.g. an order id), 1-256 characters',
  })
  parseClientReference(value: string): string {
    return matching('--client-reference', value, TEXT_1_256, '1-256 characters');
  }

  @Option({
    flags: '--metadata <key=value>',
    description: 'your own context for the link; repeat for more keys (at most 20)',
  })
  parseMetadata(value: string, previous: LinkMetadata = {}): LinkMetadata {
    const at = value.indexOf('=');
    if (at < 1) throw new CliUsageError(`--metadata must be key=value (got "${value.slice(0, 60)}")`);
    return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
  }

  @Option({ flags: '--url-only', description: 'print only the encrypted Face Auth URL' })
  parseUrlOnly(): boolean {
    return true;
  }

  async run(_params: string[], flags: LinksCreateFlags): Promise<void> {
    if (flags.json && flags.urlOnly) throw new CliUsageError('pass either --json or --url-only, not both');
    // The API's limits, checked before anything boots: a refused context is a usage error.
    const contextProblem = linkContextProblem(flags);
    if (contextProblem) throw new CliUsageError(contextProblem.message.replace(/^metadata/, '--metadata'));
    const input: MintLinkInput = {
      sid: flags.sid,
      authUserId: flags.authUserId,
      authCf1: flags.cf1,
      authCf2: flags.cf2,
      authCf3: flags.cf3,
      lang: flags.lang,
      project: flags.project,
      policy: policyOf(flags),
      expiresInSeconds: flags.expiresIn,
      clientReference: flags.clientReference,
      metadata: flags.metadata,
    };
    const link = await this.context.run(async ({ app, config }) =>
      toLinkDto(await app.get(LinkService).mint(input), config.http.publicBaseUrl),
    );
    // The link prints as JSON (as POST /v1/links answers) unless only its URL is asked for.
    this.print({ json: !flags.urlOnly }, link, () => link.url);
  }
}

/** No flag: the project's default policy, which the token-policy lib resolves against Argos's setting. */
function policyOf(flags: LinksCreateFlags): LinkPolicy | undefined {
  if (flags.maxUses !== undefined && flags.windowSeconds !== undefined) {
    throw new CliUsageError(
      'pass either --max-uses (count policy) or --window-seconds (time policy), not both',
    );
  }
  if (flags.maxUses !== undefined) return { mode: 'count', maxUses: flags.maxUses };
  if (flags.windowSeconds !== undefined) return { mode: 'time', windowSeconds: flags.windowSeconds };
  return undefined;
}
