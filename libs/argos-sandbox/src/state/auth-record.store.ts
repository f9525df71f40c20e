import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { AuthRecord } from './auth-record.type';

/** Filter and continuation of a listing; dates are inclusive UTC days, the key is exclusive. */
export interface RecordPageQuery {
  pid: string;
  fromDay?: string;
  toDay?: string;
  count: number;
  after?: { authId: string; createTime: string };
}

export interface RecordPage {
  records: AuthRecord[];
  /** Set when more records follow: the last returned record's id and time. */
  nextKey?: { authId: string; createTime: string };
}

/** FaceAuth results (in memory), listed newest first as a page-able sequence. */
@Injectable()
export class AuthRecordStore {
  private byId = new Map<string, AuthRecord>();

  add(record: Omit<AuthRecord, 'authId' | 'deleted'>): AuthRecord {
    const stored: AuthRecord = { ...record, authId: `fa_${randomBytes(10).toString('hex')}`, deleted: false };
    this.byId.set(stored.authId, stored);
    return stored;
  }

  find(pid: string, authId: string): AuthRecord | undefined {
    const record = this.byId.get(authId);
    return record?.pid === pid ? record : undefined;
  }

  /** Drops the biometric and personal data, keeping what Argos keeps: id, status and time. */
  markDeleted(record: AuthRecord): void {
    this.byId.set(record.authId, {
      authId: record.authId,
      pid: record.pid,
      status: record.status,
      createdAt: record.createdAt,
      submitType: record.submitType,
      submissionId: record.submissionId,
      policy: record.policy,
      scores: record.scores,
      failCodes: [],
      comments: [],
      deleted: true,
    });
  }

  page(query: RecordPageQuery): RecordPage {
    const matching = [...this.byId.values()]
      .filter((r) => r.pid === query.pid && inDays(r.createdAt, query.fromDay, query.toDay))
      .sort(newestFirst)
      .filter((r) => !query.after || isAfter(r, query.after));
    const records = matching.slice(0, query.count);
    const last = records[records.length - 1];
    const more = matching.length > records.length && last !== undefined;
    return {
      records,
      nextKey: more ? { authId: last.authId, createTime: last.createdAt.toISOString() } : undefined,
    };
  }

  reset(): void {
    this.byId.clear();
  }
}

function newestFirst(a: AuthRecord, b: AuthRecord): number {
  return (
    b.createdAt.getTime() - a.createdAt.getTime() || (a.authId < b.authId ? 1 : a.authId > b.authId ? -1 : 0)
  );
}

// Keys compare as (time, id) so a continuation stays valid even if the key's record was deleted.
function isAfter(r: AuthRecord, key: { authId: string; createTime: string }): boolean {
  const keyTime = Date.parse(key.createTime);
  const t = r.createdAt.getTime();
  return t < keyTime || (t === keyTime && r.authId < key.authId);
}

function inDays(at: Date, fromDay?: string, toDay?: string): boolean {
  const day = at.toISOString().slice(0, 10);
  return (!fromDay || day >= fromDay) && (!toDay || day <= toDay);
}
