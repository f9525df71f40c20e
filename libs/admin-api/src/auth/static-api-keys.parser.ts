import { hashApiKey } from './api-key.codec';
import { isScope, Scope } from './scope.enum';
import { SAFE_NAME_PATTERN } from '@faceauth/core';

/** A key declared in configuration. Only its hash is kept after parsing. */
export interface StaticApiKey {
  name: string;
  hash: string;
  scopes: Scope[];
}

const HASHED = /^sha256:([0-9a-f]{64})$/i;

/**
 * Parses `name|scope,scope|secret` entries separated by `;` or new lines. The secret may be given as
 * `sha256:<hex>` so that the plaintext never sits in the environment. Throws an Error naming the entry.
 */
export function parseStaticApiKeys(spec: string | undefined): StaticApiKey[] {
  if (!spec) return [];
  const keys = spec
    .split(/[;\n]/)
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map(parseEntry);
  const names = new Set<string>();
  for (const key of keys) {
    if (names.has(key.name)) throw new Error(`declares the key name "${key.name}" twice`);
    names.add(key.name);
  }
  return keys;
}

function parseEntry(entry: string, index: number): StaticApiKey {
  const parts = entry.split('|');
  if (parts.length !== 3) throw new Error(`entry ${index + 1} must look like name|scope,scope|secret`);
  const [name, scopeList, secret] = parts.map((p) => p.trim());
  if (!SAFE_NAME_PATTERN.test(name)) throw new Error(`entry ${index + 1} has an invalid name`);
  const scopes = scopeList.split(',').map((s) => s.trim());
  const unknown = scopes.filter((s) => !isScope(s));
  if (scopes.length === 0 || unknown.length > 0) {
    throw new Error(`entry "${name}" has unknown scopes: ${unknown.join(', ') || '(none given)'}`);
  }
  const hashed = HASHED.exec(secret);
  if (!hashed && secret.length < 24)
    throw new Error(`entry "${name}" has a secret shorter than 24 characters`);
  return { name, scopes: scopes as Scope[], hash: hashed ? hashed[1].toLowerCase() : hashApiKey(secret) };
}
