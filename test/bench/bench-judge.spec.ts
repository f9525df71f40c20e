import { BenchGoal, BenchRow, RowMeasurement } from '../../bench/src/bench-row.interface';
import { goalFigure, judge } from '../../bench/src/bench.judge';
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
