import { FaceAuthQueryField } from './faceauth-query.interface';

/**
 * Maximum lengths (UTF-16 code units). Argos documents none: these keep a URL well under the ~8 KB that
 * browsers and proxies reliably accept, even with every field at its maximum.
 */
export const QUERY_FIELD_MAX_LENGTH: Readonly<Record<FaceAuthQueryField, number>> = Object.freeze({
  sid: 256,
  authUserId: 256,
  authCf1: 512,
  authCf2: 512,
  authCf3: 512,
  token: 64,
});
