import { ProgressLine, ProgressStream, renderProgress } from './progress.line';

function fakeStream(isTTY: boolean): ProgressStream & { written: string[] } {
  const written: string[] = [];
  return { isTTY, columns: 60, written, write: (chunk: string) => written.push(chunk) > 0 };
}

describe('renderProgress', () => {
  it('draws a bar with count and percentage when the total is known', () => {
    expect(renderProgress('work', 5, 10, 27)).toBe('work [#####-----] 5/10 50%');
  });

  it('draws a plain counter while the total is unknown', () => {
    expect(renderProgress('listing', 7, undefined)).toBe('listing: 7');
  });

  it('never overflows the bar when more is done than announced', () => {
    expect(renderProgress('work', 12, 10, 27)).toBe('work [##########] 12/10 100%');
  });
});

describe('ProgressLine', () => {
  it('draws on a terminal, throttled, and clears the line when finished', () => {
    let now = 1_000;
    const stream = fakeStream(true);
    const line = new ProgressLine('sync', stream, () => now);
    line.update(1, 4);
    line.update(2, 4); // within 100 ms: skipped
    now += 150;
    line.update(3, 4);
    line.finish();
    expect(stream.written).toHaveLength(3);
    expect(stream.written[0]).toContain('sync [');
    expect(stream.written[1]).toContain('3/4 75%');
    expect(stream.written[2]).toBe('\r\x1b[2K');
  });

  it('writes nothing at all in a pipe', () => {
    const stream = fakeStream(false);
    const line = new ProgressLine('sync', stream);
    line.update(1, 2);
    line.finish();
    expect(line.enabled).toBe(false);
    expect(stream.written).toEqual([]);
  });
});
