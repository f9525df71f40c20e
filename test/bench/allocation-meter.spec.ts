import { AllocationMeter } from '../../bench/src/servers/allocation-meter';

describe('AllocationMeter (bench servers report heap allocated per request with it)', () => {
  it('counts what was allocated across collections, not what is still alive', () => {
    const meter = new AllocationMeter();
    const before = meter.read();
    let kept: number[] = [];
    // 200 arrays of 100,000 small integers (8 bytes each): ~160 MB allocated, one array alive at a time,
    // so the heap is collected many times on the way.
    for (let i = 0; i < 200; i++) kept = new Array<number>(100_000).fill(i);
    const allocated = meter.read() - before;
    expect(kept).toHaveLength(100_000);
    expect(allocated).toBeGreaterThan(150e6);
    expect(allocated).toBeLessThan(200e6);
    expect(meter.read()).toBeGreaterThanOrEqual(before + allocated);
  });
});
