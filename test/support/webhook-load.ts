/** `count` distinct faceAuth v3 payloads, each `copies` times, shuffled (Fisher–Yates with a seed). */
export function shuffledDeliveries(
  prefix: string,
  count: number,
  copies: number,
  tokens: string[],
  seed = 42,
): object[] {
  const all: object[] = [];
  for (let i = 0; i < count; i++) {
    const payload = {
      webhook_trigger: 'faceAuth',
      data: {
        Authentication_id: `${prefix}-${i}`,
        Submission_id: 'sub_load',
        Auth_Status: i % 7 === 0 ? 'rejected' : 'approved',
        Create_Time: '2026-11-20T10:00:00.000Z',
        Token_id: tokens[i % tokens.length],
      },
    };
    for (let c = 0; c < copies; c++) all.push(payload);
  }
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all;
}

export interface DeliveryReport {
  acknowledged: Set<string>;
  statuses: Map<number, number>;
  errors: number;
  latenciesMs: number[];
}

/** Posts every payload with `concurrency` senders over keep-alive connections; never throws on one failure. */
export async function deliver(
  url: string,
  payloads: object[],
  concurrency: number,
  stopAfter?: () => boolean,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { acknowledged: new Set(), statuses: new Map(), errors: 0, latenciesMs: [] };
  let next = 0;
  const sender = async () => {
    while (next < payloads.length && !(stopAfter?.() ?? false)) {
      const payload = payloads[next++] as { data: { Authentication_id: string } };
      const started = performance.now();
      try {
        const res = await fetch(url, {
          method: 'POST',
          body: JSON.stringify(payload),
          headers: { 'content-type': 'application/json' },
        });
        await res.arrayBuffer();
        report.latenciesMs.push(performance.now() - started);
        report.statuses.set(res.status, (report.statuses.get(res.status) ?? 0) + 1);
        if (res.status === 200) report.acknowledged.add(payload.data.Authentication_id);
      } catch {
        report.errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, sender));
  return report;
}
