import { Injectable } from '@nestjs/common';
import { Counter, Gauge, register } from 'prom-client';
import { RunCounts } from '../persistence/cleanup-run.repository';

function counter(name: string, help: string, labelNames: string[]): Counter<string> {
  return (register.getSingleMetric(name) as Counter<string> | undefined) ?? new Counter({ name, help, labelNames });
}

function gauge(name: string, help: string): Gauge<string> {
  return (register.getSingleMetric(name) as Gauge<string> | undefined) ?? new Gauge({ name, help });
}

/** Cleanup figures on prom-client's default registry (shared by every instance of the module in a process). */
@Injectable()
export class CleanupMetrics {
  private readonly results = counter('faceauth_cleanup_results_total', 'Results settled by cleanup, by outcome', ['outcome']);
  private readonly overdue = gauge('faceauth_cleanup_overdue_results', 'Results past their retention deadline and not deleted');
  private readonly failed = gauge('faceauth_cleanup_failed_results', 'Results whose deletion at Argos was given up (reported)');

  recordRun(counts: RunCounts, overdue: number, failed: number): void {
    this.results.inc({ outcome: 'argos_deleted' }, counts.argosDeleted);
    this.results.inc({ outcome: 'already_gone' }, counts.alreadyGone);
    this.results.inc({ outcome: 'purged' }, counts.purged);
    this.results.inc({ outcome: 'retrying' }, counts.retrying);
    this.results.inc({ outcome: 'failed' }, counts.failed);
    this.overdue.set(overdue);
    this.failed.set(failed);
  }
}
