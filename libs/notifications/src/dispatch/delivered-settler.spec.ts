import { DeliveredSettlement, NotificationsRepository } from '../persistence/notifications.repository';
import { NotificationOutboxEntity } from '../persistence/notification-outbox.entity';
import { DeliveredSettler } from './delivered-settler';

const settlement = (id: string): DeliveredSettlement => ({
  row: Object.assign(new NotificationOutboxEntity(), { id, lockedUntil: new Date(1) }),
  at: new Date(0),
  statusCode: 204,
  excerpt: null,
});

/** The repository's one method the settler calls, recording each group's ids. */
function groupsRecorder(fail?: number) {
  const groups: string[][] = [];
  const repository = {
    deliveredAll: jest.fn(async (group: readonly DeliveredSettlement[]) => {
      groups.push(group.map((s) => s.row.id));
      if (groups.length === fail) throw new Error('settle failed');
      return group.length;
    }),
  } as unknown as NotificationsRepository;
  return { groups, repository };
}

describe('DeliveredSettler', () => {
  afterEach(() => jest.useRealTimers());

  it('writes a group as soon as it is full, and the rest when the batch finishes', async () => {
    const { groups, repository } = groupsRecorder();
    const held: number[] = [];
    const settler = new DeliveredSettler(repository, 3, 60_000, (n) => held.push(n));
    for (const id of ['a', 'b', 'c', 'd']) settler.add(settlement(id));
    await settler.finish();
    expect(groups).toEqual([['a', 'b', 'c'], ['d']]);
    expect(held).toEqual([3, 1]);
  });

  it('writes a group whose first delivery waited maxWaitMs, without waiting for it to fill', async () => {
    jest.useFakeTimers();
    const { groups, repository } = groupsRecorder();
    const settler = new DeliveredSettler(repository, 16, 1_000, () => undefined);
    settler.add(settlement('a'));
    await jest.advanceTimersByTimeAsync(999);
    settler.add(settlement('b'));
    expect(groups).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(groups).toEqual([['a', 'b']]);
    settler.add(settlement('c'));
    await settler.finish();
    expect(groups).toEqual([['a', 'b'], ['c']]);
  });

  it('after a failed group writes no other, and finish throws its error', async () => {
    const { groups, repository } = groupsRecorder(1);
    const settler = new DeliveredSettler(repository, 2, 60_000, () => undefined);
    for (const id of ['a', 'b', 'c', 'd', 'e']) settler.add(settlement(id));
    await expect(settler.finish()).rejects.toThrow('settle failed');
    expect(groups).toEqual([['a', 'b']]);
  });

  it('finishes at once when nothing was delivered', async () => {
    const { groups, repository } = groupsRecorder();
    await new DeliveredSettler(repository, 2, 60_000, () => undefined).finish();
    expect(groups).toEqual([]);
  });
});
