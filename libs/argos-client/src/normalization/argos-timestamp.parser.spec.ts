import { parseArgosTimestamp } from './argos-timestamp.parser';

describe('parseArgosTimestamp', () => {
  const iso = (value: unknown): string | null => parseArgosTimestamp(value)?.toISOString() ?? null;

  it.each<[unknown, string | null]>([
    ['2026-03-01T10:00:00.000Z', '2026-03-01T10:00:00.000Z'],
    ['2026-03-01T19:00:00+09:00', '2026-03-01T10:00:00.000Z'],
    ['2026-03-01 10:00:00', '2026-03-01T10:00:00.000Z'],
    ['2026-03-01 10:00', '2026-03-01T10:00:00.000Z'],
    ['2026-03-01T10:00:00', '2026-03-01T10:00:00.000Z'],
    ['2026-03-01', '2026-03-01T00:00:00.000Z'],
    [1_772_359_200, '2026-03-01T10:00:00.000Z'],
    [1_772_359_200_000, '2026-03-01T10:00:00.000Z'],
    ['1772359200', '2026-03-01T10:00:00.000Z'],
    ['1772359200000', '2026-03-01T10:00:00.000Z'],
    [new Date('2026-03-01T10:00:00Z'), '2026-03-01T10:00:00.000Z'],
    ['2026-13-45 99:99:99', null],
    ['yesterday', null],
    ['', null],
    [-5, null],
    [Number.NaN, null],
    [null, null],
    [undefined, null],
    [{ seconds: 1 }, null],
    [true, null],
  ])('%p → %p', (value, expected) => {
    expect(iso(value)).toBe(expected);
  });
});
