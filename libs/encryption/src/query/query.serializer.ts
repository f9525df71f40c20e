import { FACEAUTH_QUERY_FIELDS, FaceAuthQuery } from './faceauth-query.interface';
import { PlaintextFormat } from './plaintext-format.type';

/**
 * Writes a FaceAuth query as the plaintext to encrypt, fields in canonical order
 * (sid, authUserId, authCf1, authCf2, authCf3, token), unused (`undefined` or `''`) fields omitted.
 * `json` is compact `JSON.stringify` output; `querystring` uses `encodeURIComponent` for values.
 * Does not validate: call {@link validateQuery} on untrusted input first.
 */
export function serializeQuery(q: FaceAuthQuery, format: PlaintextFormat): string {
  let out = '';
  for (const field of FACEAUTH_QUERY_FIELDS) {
    const value = q[field];
    if (value === undefined || value === '') continue;
    if (format === 'json') {
      out += `${out === '' ? '{' : ','}"${field}":${JSON.stringify(value)}`;
    } else {
      out += `${out === '' ? '' : '&'}${field}=${encodeURIComponent(value)}`;
    }
  }
  return format === 'json' ? (out === '' ? '{}' : `${out}}`) : out;
}
