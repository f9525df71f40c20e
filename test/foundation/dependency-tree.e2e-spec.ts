import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * The installed tree tells the truth (issue 19): `npm ci` on the oldest Node we declare prints neither
 * `ERESOLVE overriding peer dependency` (a peer range that the tree does not satisfy) nor `EBADENGINE`
 * (a package whose `engines.node` the running Node does not satisfy). Both are checked on the installed
 * node_modules, so reintroducing either (a new dependency, a bump, dropping an override) fails here.
 */
const root = join(__dirname, '../..');

/** The semver already installed at the root (a transitive dependency that ships no types of its own). */
const semver = createRequire(join(root, 'package.json'))('semver') as {
  validRange(range: string): string | null;
  minVersion(range: string): { version: string } | null;
  satisfies(version: string, range: string, options?: { includePrerelease?: boolean }): boolean;
};
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
};

function npm(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('npm', args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, npm_config_loglevel: 'error', npm_config_update_notifier: 'false' },
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface TreeNode {
  name?: string;
  location?: string;
  engines?: { node?: string } | string[];
}

/** What npm's EBADENGINE means: the Node version does not satisfy the package's `engines.node`. */
function engineRefuses(nodeRange: string | undefined, nodeVersion: string): boolean {
  if (!nodeRange) return false;
  return !semver.satisfies(nodeVersion, nodeRange, { includePrerelease: true });
}

describe('the dependency tree (issue 19: peers and engines that say the truth)', () => {
  const oldestNode = semver.minVersion(manifest.engines.node)!.version;

  it('declares a Node range that the Node running these tests satisfies', () => {
    expect(semver.validRange(manifest.engines.node)).not.toBeNull();
    expect(semver.satisfies(process.version, manifest.engines.node)).toBe(true);
  });

  it('has no invalid, missing or extraneous package and no unmet peer (`npm ls --all` exits 0)', () => {
    const ls = npm(['ls', '--all', '--json']);
    const tree = JSON.parse(ls.stdout) as { problems?: string[]; error?: { summary?: string } };
    expect(tree.problems ?? []).toEqual([]);
    expect(tree.error?.summary).toBeUndefined();
    expect(ls.status).toBe(0);
  });

  it('installs no package whose engines.node refuses the oldest supported Node or the running one', () => {
    const query = npm(['query', '*']);
    expect(query.status).toBe(0);
    const nodes = JSON.parse(query.stdout) as TreeNode[];
    expect(nodes.length).toBeGreaterThan(100);

    const refused = nodes
      .filter((node) => node.location && node.engines && !Array.isArray(node.engines))
      .flatMap((node) => {
        const range = (node.engines as { node?: string }).node;
        return [oldestNode, process.version]
          .filter((version) => engineRefuses(range, version))
          .map((version) => `${node.location} (engines.node "${range}") refuses Node ${version}`);
      });
    expect(refused).toEqual([]);
  });

  it('flags what npm flags (the check above is not vacuous)', () => {
    expect(engineRefuses('>=22.12.0', '20.19.0')).toBe(true);
    expect(engineRefuses('^22.22.3 || ^24.15.0 || >=26.0.0', '20.20.2')).toBe(true);
    expect(engineRefuses('^20.19.0 || ^22.12.0 || >=24.0.0', '20.19.0')).toBe(false);
    expect(engineRefuses('>= 14', '20.19.0')).toBe(false);
    expect(engineRefuses(undefined, '20.19.0')).toBe(false);
  });
});
