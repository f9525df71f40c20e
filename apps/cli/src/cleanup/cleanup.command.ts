import { CleanupService } from '@faceauth/retention';
import { Command, Option } from 'nest-commander';
import { JsonFlag, JsonOutputCommand } from '../commands/json-output.base-command';
import { ServiceContextRunner } from '../context/service-context';
import { CleanupProgressView } from './cleanup-progress.view';
import { formatCleanupSummary } from './cleanup-summary.formatter';
import { SERVICE_COMMANDS } from '../program/service-command.catalogue';

interface CleanupFlags extends JsonFlag {
  dryRun?: boolean;
  retryFailed?: boolean;
}

@Command({
  name: SERVICE_COMMANDS.cleanup.name,
  description: SERVICE_COMMANDS.cleanup.description,
})
export class CleanupCommand extends JsonOutputCommand {
  constructor(private readonly context: ServiceContextRunner) {
    super();
  }

  @Option({ flags: '--dry-run', description: 'count what a run would do; change nothing, call nobody' })
  parseDryRun(): boolean {
    return true;
  }

  @Option({
    flags: '--retry-failed',
    description: 'give results reported as failed a fresh retry period first',
  })
  parseRetryFailed(): boolean {
    return true;
  }

  async run(_params: string[], flags: CleanupFlags): Promise<void> {
    const summary = await this.context.run(({ app }) => {
      const progress = new CleanupProgressView();
      return app
        .get(CleanupService)
        .run({
          trigger: 'cli',
          dryRun: flags.dryRun,
          retryFailed: flags.retryFailed,
          onProgress: (p) => progress.show(p),
        })
        .finally(() => progress.finish());
    });
    this.print(flags, summary, () => formatCleanupSummary(summary));
  }
}
