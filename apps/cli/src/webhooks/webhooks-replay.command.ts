import { Clock } from '@faceauth/core';
import {
  WebhookError,
  WebhookErrorCode,
  WebhookInboxEntity,
  WebhookInboxRepository,
} from '@faceauth/webhook';
import { SubCommand } from 'nest-commander';
import { JsonFlag, JsonOutputCommand } from '../commands/json-output.base-command';
import { ServiceContextRunner } from '../context/service-context';
import { CliOperationError } from '../errors/cli-operation.error';
import { uuidArgument } from '../flags/cli-value.parser';
import { drainInbox } from './inbox-drain.runner';

@SubCommand({
  name: 'replay',
  arguments: '<inbox-id>',
  argsDescription: { 'inbox-id': 'the inbox row id (GET /v1/webhooks/inbox lists them)' },
  description: 'Put an inbox row back in the queue as new and process the inbox now',
})
export class WebhooksReplayCommand extends JsonOutputCommand {
  constructor(private readonly context: ServiceContextRunner) {
    super();
  }

  async run([idArgument]: string[], flags: JsonFlag): Promise<void> {
    const id = uuidArgument('the inbox row id', idArgument);
    const row = await this.context.run(async ({ app }) => {
      const inbox = app.get(WebhookInboxRepository);
      if (!(await inbox.replay(id, app.get(Clock).now()))) {
        throw new WebhookError(WebhookErrorCode.INBOX_ROW_NOT_FOUND, 'No inbox row has this id');
      }
      await drainInbox(app);
      return inbox.findById(id);
    });
    if (!row) throw new CliOperationError(`inbox row ${id} disappeared while it was replayed`);
    const outcome = describeOutcome(row);
    this.print(flags, { id: row.id, trigger: row.trigger, status: row.status }, () => outcome);
  }
}

/** The row's state after the drain; a failure is the command's failure (the operator replayed to fix it). */
function describeOutcome(row: WebhookInboxEntity): string {
  const subject = `inbox row ${row.id} (${row.trigger})`;
  switch (row.status) {
    case 'done':
    case 'ignored':
      return `${subject} replayed: ${row.status}`;
    case 'processing':
      // Another worker (a running service) claimed it first; it settles there.
      return `${subject} replayed: being processed by another worker`;
    case 'pending':
      throw new CliOperationError(
        `${subject} failed again (${row.lastError ?? 'no error recorded'}); next attempt at ${row.nextAttemptAt.toISOString()}`,
      );
    case 'dead':
      throw new CliOperationError(
        `${subject} failed again and is dead (${row.lastError ?? 'no error recorded'})`,
      );
    case 'unverified':
      throw new CliOperationError(
        `${subject} is unverified again: Argos does not know its authentication id`,
      );
    default: {
      const unreachable: never = row.status;
      throw new CliOperationError(`${subject} has an unknown status ${String(unreachable)}`);
    }
  }
}
