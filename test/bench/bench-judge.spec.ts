import { BenchGoal, BenchRow, RowMeasurement } from '../../bench/src/bench-row.interface';
import { comparisonCheck, comparisonFigure, goalFigure, judge } from '../../bench/src/bench.judge';
import { rowVerdict, runBenchRows } from '../../bench/src/bench.runner';
import { resultCells } from '../../bench/src/report/result-cells';

const TOLERANCE = 0.05;
const quiet = { rounds: 1, warmupRounds: 0, roundMs: 10, log: () => undefined };

function row(goal: BenchGoal, m: RowMeasurement): BenchRow {
  return {
    name: 'fake',
    title: 'a fake row',
    subjectLabel: 'subject',
    baselineLabel: 'baseline',
    unit: 'ms wall',
    goal,
    run: () => Promise.resolve(m),
  };
}

async function verdictOf(goal: BenchGoal, m: RowMeasurement) {
  const [result] = await runBenchRows([row(goal, m)], quiet, TOLERANCE);
  if (result === undefined) throw new Error('no result');
  return result;
}

describe('bench judge: absolute goals (cli-startup: each command ≤ 300 ms of wall time)', () => {
  const underMs: BenchGoal = { op: '<=', value: 300, of: 'subject' };

  it('judges `<=` and `>=` in the right direction, with the relative tolerance', () => {
    expect(judge(250, underMs, TOLERANCE)).toBe('pass');
    expect(judge(300, underMs, TOLERANCE)).toBe('pass');
    expect(judge(310, underMs, TOLERANCE)).toBe('tolerated');
    expect(judge(400, underMs, TOLERANCE)).toBe('fail');
    expect(judge(0.95, { op: '>=', value: 0.9 }, TOLERANCE)).toBe('pass');
    expect(judge(0.5, { op: '>=', value: 0.9 }, TOLERANCE)).toBe('fail');
    expect(judge(Number.NaN, underMs, TOLERANCE)).toBe('fail');
  });

  it('bounds the subject for `of: subject`, the ratio otherwise', () => {
    expect(goalFigure(underMs, 120, 2.5)).toBe(120);
    expect(goalFigure({ op: '<=', value: 1.25 }, 120, 2.5)).toBe(2.5);
    expect(goalFigure({ op: '<=', value: 1.25, of: 'ratio' }, 120, 2.5)).toBe(2.5);
  });

  it('a row with an absolute goal passes on its subject, whatever its ratio', async () => {
    // 120 ms is 3× a 40 ms `node -e ''`: a ratio goal of 300 would pass too, so check the other side below.
    const fast = await verdictOf(underMs, { subject: 120, baseline: 40 });
    expect(fast.ratio).toBe(3);
    expect(fast.verdict).toBe('pass');
    // 450 ms against a slow 400 ms baseline: ratio 1.125 (far under 300) but the subject misses 300 ms.
    const slow = await verdictOf(underMs, { subject: 450, baseline: 400 });
    expect(slow.verdict).toBe('fail');
    expect(rowVerdict(slow)).toBe('fail');
  });

  it('a ratio goal is still judged on the ratio', async () => {
    const result = await verdictOf({ op: '<=', value: 1.25 }, { subject: 450, baseline: 400 });
    expect(result.verdict).toBe('pass');
  });

  it('an absolute check with a baseline fails the row and shows the baseline and the ratio', async () => {
    const result = await verdictOf(underMs, {
      subject: 120,
      baseline: 40,
      checks: [
        { label: 'encrypt', value: 500, baseline: 40, unit: 'ms wall', goal: { op: '<=', value: 300 } },
      ],
      figures: [{ label: 'overhead', subject: 80, unit: 'ms wall' }],
    });
    expect(result.verdict).toBe('pass');
    expect(result.checks[0]?.verdict).toBe('fail');
    expect(rowVerdict(result)).toBe('fail');
    const [main, check, figure] = resultCells(result);
    expect(main?.slice(1, 8)).toEqual(['120', '40.00', 'ms wall', '3.000', '', '≤ 300 ms wall', 'NO']);
    expect(check?.slice(0, 8)).toEqual(['  encrypt', '500', '40.00', 'ms wall', '12.500', '', '≤ 300', 'NO']);
    expect(figure?.slice(0, 8)).toEqual(['  overhead', '80.00', '', 'ms wall', '', '', '', 'info']);
  });
});

describe('bench judge: comparisons with a further reference (admin-get: the peer, heap ≤ limit + 12 KB)', () => {
  const cpuRow: BenchGoal = { op: '<=', value: 1.4 };
  const peer = (ratio: number) =>
    comparisonCheck('CPU vs the peer', {
      subject: 100,
      reference: 100 / ratio,
      referenceLabel: 'peer',
      unit: 'µs CPU/req',
      goal: { op: '<=', value: 0.6 },
      ratio,
      rounds: [ratio - 0.02, ratio, ratio + 0.03],
    });
  const heap = (subject: number, limit: number) =>
    comparisonCheck('heap vs the limit', {
      subject,
      reference: limit,
      referenceLabel: 'limit',
      unit: 'KB/req',
      goal: { op: '<=', value: 12, of: 'difference' },
      rounds: [subject - limit],
    });

  it('judges a ratio comparison on its ratio (median of rounds) and a difference on subject − reference', () => {
    expect(peer(0.5).value).toBe(0.5);
    expect(
      comparisonFigure({
        subject: 30,
        reference: 60,
        referenceLabel: 'p',
        unit: 'x',
        goal: { op: '<=', value: 0.6 },
      }),
    ).toBe(0.5);
    expect(heap(29.5, 16).value).toBe(13.5);
    expect(heap(29.5, 16).goal).toEqual({ op: '<=', value: 12 });
  });

  it('a row passes only when its ratio and every comparison pass; the tolerance applies to each', async () => {
    const run = (checks: ReturnType<typeof peer>[]) =>
      verdictOf(cpuRow, { subject: 120, baseline: 100, rounds: [1.2], checks });
    const met = await run([peer(0.5), heap(27, 16)]);
    expect(met.verdict).toBe('pass');
    expect(met.checks.map((c) => c.verdict)).toEqual(['pass', 'pass']);
    expect(rowVerdict(met)).toBe('pass');
    // 12.5 KB over: within 5% of the +12 bound (12.6); 0.62 within 5% of 0.6 (0.63).
    const near = await run([peer(0.62), heap(28.5, 16)]);
    expect(near.checks.map((c) => c.verdict)).toEqual(['tolerated', 'tolerated']);
    expect(rowVerdict(near)).toBe('tolerated');
    // The primary ratio passes, the peer comparison fails: the row fails (and is not wide: the spread is the
    // primary ratio's alone).
    const slow = await run([peer(0.8), heap(27, 16)]);
    expect(slow.verdict).toBe('pass');
    expect(slow.wide).toBe(false);
    expect(slow.spread).toEqual([1.2, 1.2]);
    expect(rowVerdict(slow)).toBe('fail');
    const heavy = await run([peer(0.5), heap(41.5, 16.3)]);
    expect(rowVerdict(heavy)).toBe('fail');
    expect(heavy.checks[1]?.comparison?.reference).toBe(16.3);
  });

  it('shows subject, reference, judged figure, its spread and the goal on the comparison line', async () => {
    const result = await verdictOf(cpuRow, {
      subject: 120,
      baseline: 100,
      rounds: [1.2],
      checks: [peer(0.5), heap(29.5, 16)],
    });
    const [, peerLine, heapLine] = resultCells(result);
    expect(peerLine?.slice(0, 8)).toEqual([
      '  CPU vs the peer',
      '100',
      '200',
      'µs CPU/req',
      '0.500',
      '0.480–0.530',
      '≤ 0.6',
      'yes',
    ]);
    expect(heapLine?.slice(0, 8)).toEqual([
      '  heap vs the limit',
      '29.50',
      '16.00',
      'KB/req',
      '+13.50',
      '+13.50',
      '≤ +12',
      'NO',
    ]);
  });
});
