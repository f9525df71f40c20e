import { FACEAUTH_QUERY_FIELDS, FaceAuthQuery } from './faceauth-query.interface';
import { PlaintextFormat } from './plaintext-format.type';

/**
 * Writes a FaceAuth query as the plaintext to encrypt, fields in canonical order
 * (sid, authUserId, authCf1, authCf2, authCf3, token), unused (`undefined` or `''`) fields omitted.
 * `json` is compact `JSON.stringify` output; `querystring` uses `encodeURIComponent` for values.
 * Does not validate: call {@link validateQuery} on untrusted input first.
 */
export function serializeQuery(q: FaceAuthQuery, format: PlaintextFormat): string {
  const canonical: Record<string, string> = {};
  for (const field of FACEAUTH_QUERY_FIELDS) {
    const value = q[field];
    if (value !== undefined && value !== '') canonical[field] = value;
  }
  return serializeCanonicalQuery(canonical as unknown as FaceAuthQuery, format);
}

/**
 * Hot-path variant for a query that is already canonical, i.e. the output of `validateQuery` (known keys
 * only, canonical order, no empty values): JSON.stringify of it is exactly the documented plaintext.
 */
export function serializeCanonicalQuery(q: FaceAuthQuery, format: PlaintextFormat): string {
  if (format === 'json') return JSON.stringify(q);
  let out = '';
  for (const field of FACEAUTH_QUERY_FIELDS) {
    const value = q[field];
    if (value !== undefined) out += `${out === '' ? '' : '&'}${field}=${encodeURIComponent(value)}`;
  }
  return out;
}
