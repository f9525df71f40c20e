import { Clock } from '@faceauth/core';
import { WebhookInboxRepository, WebhookReconciler } from '@faceauth/webhook';
import { Command, Option } from 'nest-commander';
import { JsonFlag, JsonOutputCommand } from '../commands/json-output.base-command';
import { ServiceContextRunner } from '../context/service-context';
import { CliUsageError } from '../errors/cli-usage.error';
import { isoDate } from '../flags/cli-value.parser';
import { ProgressLine } from '../io/progress.line';
import { drainInbox } from './inbox-drain.runner';
import { SERVICE_COMMANDS } from '../program/service-command.catalogue';

interface ReconcileFlags extends JsonFlag {
  since?: Date;
}

const DAY_MS = 24 * 3600 * 1000;
const dateOf = (d: Date): string => d.toISOString().slice(0, 10);

@Command({
  name: SERVICE_COMMANDS.reconcile.name,
  description: SERVICE_COMMANDS.reconcile.description,
})
export class ReconcileCommand extends JsonOutputCommand {
  constructor(private readonly context: ServiceContextRunner) {
    super();
  }

  @Option({
    flags: '--since <YYYY-MM-DD>',
    description: 'first day to list (UTC; default: RECONCILE_LOOKBACK_DAYS before today)',
  })
  parseSince(value: string): Date {
    return isoDate('--since', value);
  }

  async run(_params: string[], flags: ReconcileFlags): Promise<void> {
    const summary = await this.context.run(async ({ app, config }) => {
      const now = app.get(Clock).now();
      const since = flags.since ?? new Date(now.getTime() - config.webhooks.reconcileLookbackDays * DAY_MS);
      if (dateOf(since) > dateOf(now)) throw new CliUsageError(`--since ${dateOf(since)} is in the future`);
      const listing = new ProgressLine('listing Argos results');
      const report = await app
        .get(WebhookReconciler)
        .reconcile({ since, onRecord: (seen) => listing.update(seen) })
        .finally(() => listing.finish());
      const processed = await drainInbox(app);
      const inbox = await app.get(WebhookInboxRepository).countByStatus();
      return {
        since: dateOf(since),
        projects: report.projects,
        listed: report.seen,
        enqueued: report.enqueued,
        processed,
        inbox: { pending: inbox.pending ?? 0, dead: inbox.dead ?? 0 },
      };
    });
    this.print(
      flags,
      summary,
      () =>
        `reconciled since ${summary.since} (${summary.projects.join(', ')}): ${summary.listed} results listed at Argos, ` +
        `${summary.enqueued} new; ${summary.processed} inbox rows processed; inbox now ${summary.inbox.pending} pending, ${summary.inbox.dead} dead`,
    );
  }
}
