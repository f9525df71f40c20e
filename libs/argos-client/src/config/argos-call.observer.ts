/** Hooks for metrics: what happened to each call, without its payload. */
export interface ArgosCallObserver {
  /** A call ended: `outcome` is `success` or the error code; `attempts` HTTP attempts were sent. */
  callCompleted(project: string, operation: string, outcome: string, attempts: number): void;
  /** The circuit of `project` changed state. */
  circuitChanged(project: string, state: 'closed' | 'open' | 'half-open'): void;
}
