import { CleanupService } from '@faceauth/retention';
import { Command, CommandRunner, Option } from 'nest-commander';
import { ServiceContextRunner } from '../context/service-context';
import { CleanupProgressView } from './cleanup-progress.view';
import { formatCleanupSummary } from './cleanup-summary.formatter';

interface CleanupFlags {
  dryRun?: boolean;
  retryFailed?: boolean;
}

@Command({
  name: 'cleanup',
  description:
    'Enforce the retention schedule now (delete due results at Argos and purge them here, then old links and inbox rows); prints a summary',
})
export class CleanupCommand extends CommandRunner {
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
    process.stdout.write(`${formatCleanupSummary(summary)}\n`);
  }
}
