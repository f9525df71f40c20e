/** The part of a terminal stream a progress line needs (process.stderr in use, a fake in tests). */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): boolean;
}

const REDRAW_EVERY_MS = 100;
const CLEAR_LINE = '\r\x1b[2K';

/** `label [#####-----] 5/10 50%` when the total is known, `label: 5` while it is not. */
export function renderProgress(label: string, done: number, total: number | undefined, columns = 80): string {
  if (total === undefined || total <= 0) return `${label}: ${done}`;
  const ratio = Math.min(1, Math.max(0, done / total));
  const tail = ` ${done}/${total} ${Math.floor(ratio * 100)}%`;
  const width = Math.max(10, Math.min(40, columns - label.length - tail.length - 4));
  const filled = Math.round(ratio * width);
  return `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}]${tail}`;
}

/**
 * One self-overwriting status line for long operations. It draws only on a terminal: in a pipe or a file
 * the operator's script gets nothing but the command's result, so output stays machine-readable.
 */
export class ProgressLine {
  private drawnAt: number | null = null;

  constructor(
    private readonly label: string,
    private readonly stream: ProgressStream = process.stderr,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.stream.isTTY === true;
  }

  /** Redraws, at most every 100 ms: a fast loop would otherwise spend its time repainting. */
  update(done: number, total?: number): void {
    if (!this.enabled) return;
    const now = this.now();
    if (this.drawnAt !== null && now - this.drawnAt < REDRAW_EVERY_MS) return;
    this.drawnAt = now;
    this.stream.write(`${CLEAR_LINE}${renderProgress(this.label, done, total, this.stream.columns)}`);
  }

  /** Erases the line, so the summary that follows starts on a clean line. */
  finish(): void {
    if (this.drawnAt === null) return;
    this.drawnAt = null;
    this.stream.write(CLEAR_LINE);
  }
}
