import { Option } from 'nest-commander';
import { matching, wholeNumber } from '../flags/cli-value.parser';
import { formatTable } from '../io/table.formatter';
import { JsonFlag, JsonOutputCommand } from './json-output.base-command';

/** Paging and output flags of every `… list` command, with the API's bounds (PageQueryDto). */
export interface ListFlags extends JsonFlag {
  limit?: number;
  cursor?: string;
}

/** One page as the API returns it (GET /v1/links, GET /v1/results). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const MAX_LIMIT = 200;
const CURSOR = /^\S{1,300}$/;

/**
 * `--limit` and `--cursor` (and `--json`) for the listing subcommands (nest-commander finds `@Option` methods
 * along the prototype chain), and how a page is printed.
 */
export abstract class ListBaseCommand extends JsonOutputCommand {
  @Option({ flags: '--limit <n>', description: `page size, 1-${MAX_LIMIT} (default 50)` })
  parseLimit(value: string): number {
    return wholeNumber('--limit', value, 1, MAX_LIMIT);
  }

  @Option({ flags: '--cursor <cursor>', description: 'the nextCursor of the previous page' })
  parseCursor(value: string): string {
    return matching('--cursor', value, CURSOR, 'the nextCursor of a previous page');
  }

  /**
   * With --json the page as the API returns it, {items, nextCursor}; otherwise a table, and the next page's flag on stderr (a hint for the
   * operator that keeps stdout a plain table).
   */
  protected printPage<T>(
    page: Page<T>,
    flags: ListFlags,
    header: string[],
    row: (item: T) => string[],
  ): void {
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
      return;
    }
    process.stdout.write(formatTable(header, page.items.map(row)));
    if (page.nextCursor !== null) process.stderr.write(`more: pass --cursor ${page.nextCursor}\n`);
  }
}
