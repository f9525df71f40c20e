/**
 * Injectable faults. Status kinds answer with Argos' exact body; `400` uses the detailed body and
 * `400-bare` the `{errorCode}` one; `hang` never answers; `reset` destroys the socket; `slow`
 * delays then serves normally; `redirect` answers 307 to `/__sandbox/redirect-target`.
 */
export const FAULT_KINDS = [
  '500',
  '502',
  '403-deny',
  '403-key',
  '413',
  '400',
  '400-bare',
  'hang',
  'reset',
  'slow',
  'redirect',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

export function isFaultKind(value: string): value is FaultKind {
  return (FAULT_KINDS as readonly string[]).includes(value);
}

/** Latency of `slow` when none is given. */
export const DEFAULT_SLOW_MS = 1500;

/** A fault armed for the next `remaining` matching calls. */
export interface ScheduledFault {
  id: string;
  kind: FaultKind;
  remaining: number;
  /** Delay before the fault (or, for `slow`, before serving). */
  latencyMs: number;
  /** Limit to one operation, e.g. `DELETE /v3/faceauth`; absent = every REST call. */
  operation?: string;
}
