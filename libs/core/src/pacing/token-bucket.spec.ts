import { BucketTimer, TokenBucket } from './token-bucket';

function fakeTimer(): BucketTimer & { at: number } {
  const timer = {
    at: 0,
    now: () => timer.at,
    sleep: async (ms: number) => {
      timer.at += ms;
    },
  };
  return timer;
}

describe('TokenBucket', () => {
  it('never lets more than burst + rate × t calls through', async () => {
    const timer = fakeTimer();
    const bucket = new TokenBucket(10, 1, timer);
    const times: number[] = [];
    await Promise.all(Array.from({ length: 50 }, () => bucket.take().then(() => times.push(timer.at))));
    expect(times).toHaveLength(50);
    for (let i = 0; i < times.length; i++) {
      for (let j = i; j < times.length; j++) {
        expect(j - i + 1).toBeLessThanOrEqual(1 + (10 * (times[j] - times[i])) / 1000 + 1e-9);
      }
    }
    // Evenly spaced at the cap: 49 intervals of 100 ms.
    expect(times[49] - times[0]).toBeGreaterThanOrEqual(4900);
    expect(times[49] - times[0]).toBeLessThan(4900 * 1.02);
  });

  it('keeps the cap as its long-run rate when the event loop wakes waiters late', async () => {
    const timer = fakeTimer();
    // Every sleep overshoots by 7 ms (a busy event loop).
    timer.sleep = async (ms: number) => {
      timer.at += ms + 7;
    };
    const bucket = new TokenBucket(50, 1, timer);
    const times: number[] = [];
    await Promise.all(Array.from({ length: 201 }, () => bucket.take().then(() => times.push(timer.at))));
    const rate = ((times.length - 1) / (times[times.length - 1] - times[0])) * 1000;
    expect(rate).toBeLessThanOrEqual(50);
    expect(rate).toBeGreaterThan(50 * 0.95);
    // And never ahead of the schedule: the k-th take is granted at or after k / rate.
    times.forEach((t, k) => expect(t - times[0]).toBeGreaterThanOrEqual(k * 20 - 1e-9));
  });

  it('lets a burst through at once, then paces', async () => {
    const timer = fakeTimer();
    const bucket = new TokenBucket(2, 3, timer);
    for (let i = 0; i < 3; i++) await bucket.take();
    expect(timer.at).toBe(0);
    await bucket.take();
    expect(timer.at).toBe(500);
  });

  it('delays later calls after a debit', async () => {
    const timer = fakeTimer();
    const bucket = new TokenBucket(10, 1, timer);
    await bucket.take();
    bucket.debit(2);
    await bucket.take();
    expect(timer.at).toBeGreaterThanOrEqual(300);
  });
});
