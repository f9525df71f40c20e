import { resolveResultsOptions } from './results.options';

describe('ResultsModule options', () => {
  it('defaults maxImageBytes to 5 MiB and refuses less than 1 KiB, naming it', () => {
    expect(resolveResultsOptions({}).maxImageBytes).toBe(5 * 1024 * 1024);
    expect(resolveResultsOptions({ maxImageBytes: 2048 }).maxImageBytes).toBe(2048);
    expect(() => resolveResultsOptions({ maxImageBytes: 1000 })).toThrow(
      'ResultsModule option maxImageBytes must be a whole number of bytes ≥ 1024',
    );
  });
});
