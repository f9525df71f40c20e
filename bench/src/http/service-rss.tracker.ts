/**
 * The service's peak RSS over the HTTP rows of this run. Each row spawns a fresh service, and which load
 * drives memory highest varies (SQLite rows often peak above PostgreSQL ones), so the RSS check (QUALITY.md
 * goal 6) judges the highest peak seen so far rather than the figure of whichever row carries the check.
 */
export interface ServiceRssPeak {
  bytes: number;
  row: string;
}

let peak: ServiceRssPeak = { bytes: 0, row: '' };

export function recordServiceRss(row: string, bytes: number): void {
  if (bytes > peak.bytes) peak = { bytes, row };
}

export function servicePeakRss(): ServiceRssPeak {
  return peak;
}
