import { runAlternatingRounds, runRotatingRounds } from '../../bench/src/http/alternating-rounds';
import { HttpPlan } from '../../bench/src/http/http-plan';

const plan = (rounds: number, warmupRounds = 1): HttpPlan => ({
  rounds,
  warmupRounds,
  roundS: 1,
  warmupS: 1,
  connections: 1,
});

describe('alternating and rotating rounds', () => {
  it('two sides alternate S B, B S after the warm-up, as before', async () => {
    const order: string[] = [];
    const rounds = await runAlternatingRounds(plan(3), async (r) => {
      order.push(`${r.side[0]}${r.label}`);
      return r.index;
    });
    expect(order).toEqual(['sw0', 'bw0', 's0', 'b0', 'b1', 's1', 's2', 'b2']);
    expect(rounds).toEqual({ subject: [0, 1, 2], baseline: [0, 1, 2] });
  });

  it('three sides rotate, each first, in the middle and last in turn; rounds are kept per side', async () => {
    const order: string[] = [];
    const rounds = await runRotatingRounds(
      plan(4, 0),
      ['subject', 'baseline', 'peer'] as const,
      async (r) => {
        order.push(`${r.side}${r.index}`);
        return `${r.side}:${r.index}`;
      },
    );
    expect(order).toEqual([
      'subject0',
      'baseline0',
      'peer0',
      'baseline1',
      'peer1',
      'subject1',
      'peer2',
      'subject2',
      'baseline2',
      'subject3',
      'baseline3',
      'peer3',
    ]);
    expect(rounds.peer).toEqual(['peer:0', 'peer:1', 'peer:2', 'peer:3']);
  });
});
