import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@faceauth/core';
import { CleanupBatchRunner } from '../cleanup/cleanup-batch.runner';
import { CleanupService } from '../cleanup/cleanup.service';
import { CleanupAuditRepository } from '../persistence/cleanup-audit.repository';
import { ErasedLink, PersonalDataRedactor } from '../persistence/personal-data.redactor';
import { ResultCleanupRepository } from '../persistence/result-cleanup.repository';
import { ErasureRemainder, remainderOf } from './erasure-remainder';

/** What "forget this user" did. */
export interface UserErasureReport {
  /** The person's results that were not deleted yet and not held (now due). */
  results: number;
  /** Of those, deleted at Argos and purged during this request. */
  deleted: number;
  /** Due but not deleted yet: Argos refused or could not be reached (retried), or another instance has them. */
  pending: number;
  /** Results kept because of a legal hold. */
  held: number;
  /** Links revoked and stripped of personal fields. */
  linksErased: number;
  /** True only when every result of the person is deleted at Argos and purged here (holds included). */
  complete: boolean;
  /** What is left, and why. */
  remaining: ErasureRemainder[];
  /** The cleanup run that processed them, when one ran in this request. */
  runId: string | null;
}

/**
 * "Forget this user": finds every result of one person (by the person fields, or through one of their
 * links), makes them due now, revokes the links, deletes the results through the cleanup machinery (same
 * lock, claims, rate cap, audit, retries), then clears the links' personal fields. Held results stay
 * until their hold is released, and are reported as remaining.
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
    const links = await this.redactor.findLinks(authUserId);
    // Revoked first, erased last: the drain still finds results through the links' person.
    await this.redactor.revokeLinks(
      links.map((l) => l.id),
      now,
    );
    const run =
      due.length === 0
        ? null
        : await this.cleanup.withLock('user_request', (context) =>
            this.batches.drain({ ...context, authUserId }),
          );
    const remaining = (await this.results.listUserPending(authUserId)).map(remainderOf);
    const linksErased = await this.eraseLinks(links, now);
    // A run flushes what it purged; the links were erased after it.
    if (linksErased > 0) await this.cleanup.flushErased();
    const held = remaining.filter((r) => r.reason === 'held').length;
    const deleted = run?.counts.purged ?? 0;
    // Never the user id in logs: it is the personal field being erased.
    this.logger.log(
      `User erasure: ${due.length} results due (${deleted} deleted now), ${held} held, ` +
        `${remaining.length} remaining, ${linksErased} links erased`,
    );
    return {
      results: due.length,
      deleted,
      pending: remaining.length - held,
      held,
      linksErased,
      complete: remaining.length === 0,
      remaining,
      runId: run?.id ?? null,
    };
  }

  /** Audited before the change (the audit row is unique, so a retried request repeats nothing). */
  private async eraseLinks(links: ErasedLink[], now: number): Promise<number> {
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
