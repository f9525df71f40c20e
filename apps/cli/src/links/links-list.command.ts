import { toLinkDto } from '@faceauth/admin-api';
import { SAFE_NAME_PATTERN } from '@faceauth/core';
import { LINK_CONTEXT_LIMITS, LinkService, TOKEN_STATUSES, TokenStatus } from '@faceauth/token-policy';
import { Option, SubCommand } from 'nest-commander';
import { ListBaseCommand, ListFlags } from '../commands/list.base-command';
import { ServiceContextRunner } from '../context/service-context';
import { CliUsageError } from '../errors/cli-usage.error';
import { matching } from '../flags/cli-value.parser';

interface LinksListFlags extends ListFlags {
  sid?: string;
  authUserId?: string;
  project?: string;
  clientReference?: string;
  status?: TokenStatus;
}

// Field rules of GET /v1/links (ListLinksQueryDto), so the CLI accepts exactly what the API accepts.
const TEXT_1_256 = /^[\s\S]{1,256}$/;
const CLIENT_REFERENCE = new RegExp(`^[\\s\\S]{1,${LINK_CONTEXT_LIMITS.clientReferenceMaxLength}}$`);

@SubCommand({
  name: 'list',
  description: 'List links, newest first, with the filters of GET /v1/links; a table, or the page as JSON',
})
export class LinksListCommand extends ListBaseCommand {
  constructor(private readonly context: ServiceContextRunner) {
    super();
  }

  @Option({ flags: '--sid <sid>', description: 'only links for this submission id' })
  parseSid(value: string): string {
    return matching('--sid', value, TEXT_1_256, '1-256 characters');
  }

  @Option({ flags: '--auth-user-id <id>', description: 'only links for this authUserId' })
  parseAuthUserId(value: string): string {
    return matching('--auth-user-id', value, TEXT_1_256, '1-256 characters');
  }

  @Option({ flags: '--project <name>', description: 'only links of this project' })
  parseProject(value: string): string {
    return matching('--project', value, SAFE_NAME_PATTERN, 'a project name');
  }

  @Option({ flags: '--client-reference <ref>', description: 'only links with this clientReference' })
  parseClientReference(value: string): string {
    const max = LINK_CONTEXT_LIMITS.clientReferenceMaxLength;
    return matching('--client-reference', value, CLIENT_REFERENCE, `1-${max} characters`);
  }

  @Option({
    flags: '--status <status>',
    description: `only links in this status: ${TOKEN_STATUSES.join(', ')}`,
  })
  parseStatus(value: string): TokenStatus {
    if (!(TOKEN_STATUSES as readonly string[]).includes(value))
      throw new CliUsageError(`--status must be one of ${TOKEN_STATUSES.join(', ')}`);
    return value as TokenStatus;
  }

  async run(_params: string[], flags: LinksListFlags): Promise<void> {
    const { json: _json, ...filter } = flags;
    const page = await this.context.run(async ({ app, config }) => {
      const found = await app.get(LinkService).list(filter);
      return {
        items: found.items.map((v) => toLinkDto(v, config.http.publicBaseUrl)),
        nextCursor: found.nextCursor,
      };
    });
    // The table leaves out the URLs and token: they open the person's link.
    this.printPage(page, flags, ['ID', 'PROJECT', 'STATUS', 'USES', 'SID', 'AUTH USER', 'CREATED'], (l) => [
      l.id,
      l.project,
      l.status,
      String(l.useCount),
      l.sid,
      l.authUserId ?? '-',
      l.createdAt,
    ]);
  }
}
