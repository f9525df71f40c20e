import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@faceauth/core';
import { CleanupBatchRunner } from '../cleanup/cleanup-batch.runner';
import { CleanupService } from '../cleanup/cleanup.service';
import { CleanupAuditRepository } from '../persistence/cleanup-audit.repository';
import { PersonalDataRedactor } from '../persistence/personal-data.redactor';
import { ResultCleanupRepository } from '../persistence/result-cleanup.repository';

/** What "forget this user" did. */
export interface UserErasureReport {
  /** The person's results that were not deleted yet (now due). */
  results: number;
  /** Of those, deleted at Argos and purged during this request. */
  deleted: number;
  /** Due but not deleted yet: Argos refused for now (retried with backoff), or another instance was running cleanup. */
  pending: number;
  /** Results kept because of a legal hold. */
  held: number;
  /** Links revoked and stripped of personal fields. */
  linksErased: number;
  /** The cleanup run that processed them, when one ran in this request. */
  runId: string | null;
}

/**
 * "Forget this user": makes every result of one person due now, revokes their links and clears the links'
 * personal fields, then deletes the results through the cleanup machinery (same lock, claims, rate cap,
 * audit, retries). Held results stay until their hold is released.
 */
@Injectable()
export class UserErasureService {
  private readonly logger = new Logger('UserErasure');

  constructor(
    private readonly results: ResultCleanupRepository,
    private readonly redactor: PersonalDataRedactor,
    private readonly audit: CleanupAuditRepository,
    private readonly cleanup: CleanupService,
    private readonly batches: CleanupBatchRunner,
    private readonly clock: Clock,
  ) {}

  async forget(authUserId: string): Promise<UserErasureReport> {
    const now = this.clock.now().getTime();
    const due = await this.results.markUserDue(authUserId, now);
    const held = await this.results.countUserHeld(authUserId);
    const linksErased = await this.eraseLinks(authUserId, now);
    const run =
      due.length === 0
        ? null
        : await this.cleanup.withLock('user_request', (context) =>
            this.batches.drain({ ...context, authUserId }),
          );
    const deleted = run?.counts.purged ?? 0;
    // A run flushes what it purged; the links were erased before it.
    if (linksErased > 0) await this.cleanup.flushErased();
    // Never the user id in logs: it is the personal field being erased.
    this.logger.log(
      `User erasure: ${due.length} results due (${deleted} deleted now), ${held} held, ${linksErased} links erased`,
    );
    return {
      results: due.length,
      deleted,
      pending: due.length - deleted,
      held,
      linksErased,
      runId: run?.id ?? null,
    };
  }

  /** Audited before the change (the audit row is unique, so a retried request repeats nothing). */
  private async eraseLinks(authUserId: string, now: number): Promise<number> {
    const links = await this.redactor.findLinks(authUserId);
    for (const link of links) {
      await this.audit.record({
        runId: null,
        subjectType: 'link',
        subjectId: link.id,
        project: link.project,
        action: 'link_purge',
        reason: 'user_request',
        outcome: 'done',
        attempts: 1,
        errorCode: null,
        at: now,
      });
    }
    return this.redactor.eraseLinks(
      links.map((l) => l.id),
      now,
    );
  }
}
