import { createHash, timingSafeEqual } from 'node:crypto';
import { FastifyRequest } from 'fastify';

/** A configured key as the baseline knows it: the SHA-256 digest and the scopes. */
export interface BareKey {
  digest: Buffer;
  scopes: readonly string[];
}

/**
 * The key check a hand-written handler of this API cannot skip: the presented key (`x-api-key` or
 * `Authorization: Bearer`), hashed, looked up, compared in constant time, its scope checked. Written
 * directly, without the service's guard, registry or Nest metadata.
 */
export function bareKeyAllows(
  request: FastifyRequest,
  keys: ReadonlyMap<string, BareKey>,
  scope: string,
): boolean {
  const header = request.headers['x-api-key'];
  const authorization = request.headers.authorization;
  const presented =
    typeof header === 'string'
      ? header
      : typeof authorization === 'string' && authorization.startsWith('Bearer ')
        ? authorization.slice(7)
        : null;
  if (!presented) return false;
  const digest = createHash('sha256').update(presented).digest();
  const known = keys.get(digest.toString('hex'));
  return (
    known !== undefined &&
    timingSafeEqual(known.digest, digest) &&
    (known.scopes.includes(scope) || known.scopes.includes('admin'))
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);

/** An optional string field of at most `max` characters (and at least one). */
export const optionalText = (value: unknown, max: number): boolean =>
  value === undefined || (typeof value === 'string' && value.length >= 1 && value.length <= max);
