import { Clock } from '@faceauth/core';
import { WebhookInboxRepository, WebhookReconciler } from '@faceauth/webhook';
import { Command, CommandRunner, Option } from 'nest-commander';
import { ServiceContextRunner } from '../context/service-context';
import { CliUsageError } from '../errors/cli-usage.error';
import { isoDate } from '../flags/cli-value.parser';
import { ProgressLine } from '../io/progress.line';
import { drainInbox } from './inbox-drain.runner';

interface ReconcileFlags {
  since?: Date;
}

const DAY_MS = 24 * 3600 * 1000;
const dateOf = (d: Date): string => d.toISOString().slice(0, 10);

@Command({
  name: 'reconcile',
  description:
    'List Argos results since a date, enqueue those the webhooks missed, and process the inbox; prints a summary',
})
export class ReconcileCommand extends CommandRunner {
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
      return (
        `reconciled since ${dateOf(since)} (${report.projects.join(', ')}): ${report.seen} results listed at Argos, ` +
        `${report.enqueued} new; ${processed} inbox rows processed; inbox now ${inbox.pending ?? 0} pending, ${inbox.dead ?? 0} dead`
      );
    });
    process.stdout.write(`${summary}\n`);
  }
}
