import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const PACKAGE_NAME = 'faceauth';

/**
 * The version in the product's package.json, found upwards from this file: the same lookup works from
 * apps/cli/src and from dist/apps/cli/apps/cli/src.
 */
export function cliVersion(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const version = versionIn(join(dir, 'package.json'));
    if (version !== undefined) return version;
    if (dirname(dir) === dir) return 'unknown';
  }
}

function versionIn(path: string): string | undefined {
  let manifest: { name?: unknown; version?: unknown };
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as typeof manifest;
  } catch {
    return undefined;
  }
  return manifest.name === PACKAGE_NAME && typeof manifest.version === 'string'
    ? manifest.version
    : undefined;
}
