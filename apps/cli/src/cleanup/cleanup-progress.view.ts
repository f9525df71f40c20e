import { CleanupProgress } from '@faceauth/retention';
import { ProgressLine } from '../io/progress.line';

const LABELS: Record<CleanupProgress['phase'], string> = {
  results: 'deleting due results',
  tokens: 'removing expired links',
  inbox: 'removing old inbox rows',
};

/** One progress line per cleanup phase (results have a known total; the sweeps only count). */
export class CleanupProgressView {
  private current: { phase: CleanupProgress['phase']; line: ProgressLine } | null = null;

  show(progress: CleanupProgress): void {
    if (this.current?.phase !== progress.phase) {
      this.current?.line.finish();
      this.current = { phase: progress.phase, line: new ProgressLine(LABELS[progress.phase]) };
    }
    this.current.line.update(progress.done, progress.total);
  }

  finish(): void {
    this.current?.line.finish();
    this.current = null;
  }
}
