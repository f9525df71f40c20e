import { needsService } from './cli-route';

describe('needsService', () => {
  it.each<[string[], boolean]>([
    [[], false],
    [['--help'], false],
    [['--version'], false],
    [['encrypt', 'x'], false],
    [['decrypt', '-'], false],
    [['url', '--pid', 'p'], false],
    [['help'], false],
    [['help', 'encrypt'], false],
    [['frobnicate'], false],
    [['keys', 'list'], true],
    [['links'], true],
    [['reconcile', '--since', '2026-01-01'], true],
    [['cleanup', '--help'], true],
    [['help', 'results'], true],
  ])('%j → %s', (argv, expected) => {
    expect(needsService(argv, {})).toBe(expected);
  });

  it('sends everything to the service path with FACEAUTH_CLI_FAST_PATH=off', () => {
    expect(needsService(['--help'], { FACEAUTH_CLI_FAST_PATH: 'off' })).toBe(true);
  });
});
