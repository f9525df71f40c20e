import { placeholders, sqlFamily, statementSet } from '@faceauth/core';

const SAMPLES = [1, 2, 50];

/** A links UPDATE of `n` ids (`$2…`); `assignments` may read `$1` (now). */
const updateLinks = (assignments: string, n: number): string =>
  `UPDATE faceauth_tokens SET ${assignments} WHERE id IN (${placeholders(n, 2)}) RETURNING id`;

const REVOKE = 'revoked_at = COALESCE(revoked_at, $1)';

/**
 * Revokes links and clears what identifies their person: user id, custom fields, the request
 * fingerprint (a hash of them) and the submission id (replaced by a marker: the column is required).
 */
const ERASE = `revoked_at = COALESCE(revoked_at, $1), auth_user_id = NULL, auth_cf1 = NULL, auth_cf2 = NULL,
       auth_cf3 = NULL, request_fingerprint = NULL, sid = 'purged'`;

/** Personal data held outside the results table: inbox payloads and a person's links. */
export const personalDataStatements = statementSet(() => ({
  /** The stored events of `n` results (`$1…`). */
  inboxPayloads: sqlFamily(
    (n) => `SELECT id, payload FROM faceauth_webhook_inbox WHERE auth_id IN (${placeholders(n, 1)})`,
    SAMPLES,
  ),
  /** `$1` id, `$2` the redacted event. */
  updateInboxPayload: 'UPDATE faceauth_webhook_inbox SET payload = $2 WHERE id = $1 RETURNING id',
  findLinks: 'SELECT id, project FROM faceauth_tokens WHERE auth_user_id = $1',
  revokeLinks: sqlFamily((n) => updateLinks(REVOKE, n), SAMPLES),
  eraseLinks: sqlFamily((n) => updateLinks(ERASE, n), SAMPLES),
}));
