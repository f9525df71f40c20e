import { toResultDto } from '@faceauth/admin-api';
import { SAFE_NAME_PATTERN } from '@faceauth/core';
import { ResultListQuery, ResultsService } from '@faceauth/results';
import { Option, SubCommand } from 'nest-commander';
import { ListBaseCommand, ListFlags } from '../commands/list.base-command';
import { ServiceContextRunner } from '../context/service-context';
import { CliUsageError } from '../errors/cli-usage.error';
import { matching, uuidArgument } from '../flags/cli-value.parser';

/** The API's filters (the service's own query type) and the page flags. */
type ResultsListFlags = ListFlags & Omit<ResultListQuery, 'cursor' | 'limit'>;

// Field rules of GET /v1/results (ListResultsQueryDto), so the CLI accepts exactly what the API accepts.
const TEXT_1_256 = /^[\s\S]{1,256}$/;
const STATUSES = ['approved', 'rejected', 'pending', 'unknown'];
// A date, or a date and time with an optional offset (what the API's strict ISO-8601 check accepts).
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function instant(flag: string, value: string): Date {
  const date = new Date(value);
  if (!ISO_8601.test(value) || Number.isNaN(date.getTime()))
    throw new CliUsageError(
      `${flag} must be an ISO-8601 date or time, e.g. 2026-01-31 or 2026-01-31T12:00:00Z`,
    );
  return date;
}

@SubCommand({
  name: 'list',
  description:
    'List stored results, newest first, with the filters of GET /v1/results; a table, or the page as JSON',
})
export class ResultsListCommand extends ListBaseCommand {
  constructor(private readonly context: ServiceContextRunner) {
    super();
  }

  @Option({ flags: '--submission-id <sid>', description: 'only results of this ID Check submission' })
  parseSubmissionId(value: string): string {
    return matching('--submission-id', value, TEXT_1_256, '1-256 characters');
  }

  @Option({ flags: '--auth-user-id <id>', description: 'only results for this authUserId' })
  parseAuthUserId(value: string): string {
    return matching('--auth-user-id', value, TEXT_1_256, '1-256 characters');
  }

  @Option({ flags: '--link-id <id>', description: 'only results reached through this link' })
  parseLinkId(value: string): string {
    return uuidArgument('--link-id', value);
  }

  @Option({ flags: '--status <status>', description: `only results in this status: ${STATUSES.join(', ')}` })
  parseStatus(value: string): string {
    if (!STATUSES.includes(value)) throw new CliUsageError(`--status must be one of ${STATUSES.join(', ')}`);
    return value;
  }

  @Option({ flags: '--project <name>', description: 'only results of this project' })
  parseProject(value: string): string {
    return matching('--project', value, SAFE_NAME_PATTERN, 'a project name');
  }

  @Option({ flags: '--from <iso>', description: 'created at or after (ISO-8601, inclusive)' })
  parseFrom(value: string): Date {
    return instant('--from', value);
  }

  @Option({ flags: '--to <iso>', description: 'created before (ISO-8601, exclusive)' })
  parseTo(value: string): Date {
    return instant('--to', value);
  }

  async run(_params: string[], flags: ResultsListFlags): Promise<void> {
    const { json: _json, ...query } = flags;
    const page = await this.context.run(async ({ app }) => {
      const found = await app.get(ResultsService).list(query);
      return { items: found.items.map(toResultDto), nextCursor: found.nextCursor };
    });
    this.printPage(page, flags, ['AUTH ID', 'PROJECT', 'STATUS', 'SOURCE', 'SUBMISSION', 'CREATED'], (r) => [
      r.authId,
      r.project,
      r.status,
      r.source,
      r.submissionId ?? '-',
      r.createdAt,
    ]);
  }
}
