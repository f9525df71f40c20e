import { Injectable } from '@nestjs/common';
import { personalDataStatements } from './personal-data.sql';
import { SqlRunner } from './sql-runner';

/** Fields of a stored webhook event that describe the person (see the webhook lib's FaceAuthWebhookEvent). */
const PERSONAL_EVENT_FIELDS = ['submissionId', 'userId', 'cf1', 'cf2', 'cf3'];

export interface ErasedLink {
  id: string;
  project: string;
}

/**
 * Personal data held outside the results table: webhook inbox payloads of a purged result, and the links
 * minted for a person who asked to be forgotten.
 */
@Injectable()
export class PersonalDataRedactor {
  private readonly q: ReturnType<typeof personalDataStatements>;

  constructor(private readonly sql: SqlRunner) {
    this.q = personalDataStatements(sql.dataSource);
  }

  /** Strips the personal fields from the stored webhook events of these results; the rows stay for dedupe. */
  async redactInbox(authIds: string[]): Promise<number> {
    if (authIds.length === 0) return 0;
    const rows = await this.sql.rows(this.q.inboxPayloads(authIds.length), authIds);
    let changed = 0;
    for (const row of rows) {
      const redacted = redactEvent(String(row.payload));
      if (redacted === null) continue;
      await this.sql.rows(this.q.updateInboxPayload, [row.id, redacted]);
      changed += 1;
    }
    return changed;
  }

  async findLinks(authUserId: string): Promise<ErasedLink[]> {
    const rows = await this.sql.rows(this.q.findLinks, [authUserId]);
    return rows.map((r) => ({ id: String(r.id), project: String(r.project) }));
  }

  /** Revokes links (idempotent): no new result can come through them while their person is forgotten. */
  async revokeLinks(ids: string[], now: number): Promise<number> {
    return this.updateLinks(ids, now, this.q.revokeLinks);
  }

  /**
   * Revokes links and clears what identifies their person: user id, custom fields, the request
   * fingerprint (a hash of them) and the submission id (replaced by a marker: the column is required).
   */
  async eraseLinks(ids: string[], now: number): Promise<number> {
    return this.updateLinks(ids, now, this.q.eraseLinks);
  }

  /** One UPDATE per 500 links (`$1` now, then the ids). Returns how many rows changed. */
  private async updateLinks(ids: string[], now: number, update: (n: number) => string): Promise<number> {
    let changed = 0;
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      changed += (await this.sql.rows(update(chunk.length), [now, ...chunk])).length;
    }
    return changed;
  }
}

/** The event without its personal fields, or null when there was nothing to remove (or it is not JSON). */
function redactEvent(payload: string): string | null {
  let event: unknown;
  try {
    event = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof event !== 'object' || event === null) return null;
  const record = event as Record<string, unknown>;
  if (!PERSONAL_EVENT_FIELDS.some((field) => field in record)) return null;
  return JSON.stringify(
    Object.fromEntries(Object.entries(record).filter(([key]) => !PERSONAL_EVENT_FIELDS.includes(key))),
  );
}
