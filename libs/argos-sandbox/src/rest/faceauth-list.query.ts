import type { RecordPageQuery } from '../state/auth-record.store';
import { argosErrors } from './argos-api.error';

/** Raw query parameters of `GET /v3/faceauth`. */
export type ListQueryParams = Record<string, string | string[] | undefined>;

export const MAX_PAGE_COUNT = 2000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The authId asked for, accepting the `auth_id` spelling of one older doc example. */
export function authIdParam(query: ListQueryParams): string | undefined {
  return single(query.authId) ?? single(query.auth_id);
}

/**
 * Validates the listing parameters: `startDate`/`endDate` (yyyy-mm-dd, both or neither), `count`
 * (1-2000, default 2000), `nextKey_id`/`nextKey_date` (both or neither).
 */
export function parseListQuery(pid: string, query: ListQueryParams): RecordPageQuery {
  const startDate = single(query.startDate);
  const endDate = single(query.endDate);
  if ((startDate === undefined) !== (endDate === undefined)) {
    throw argosErrors.detailed('required key is missing', 'startDate and endDate must be given together');
  }
  if (startDate !== undefined && (!isDay(startDate) || !isDay(endDate))) {
    throw argosErrors.detailed(
      'invalid_data_format',
      'startDate and endDate must be dates written yyyy-mm-dd',
    );
  }
  if (startDate !== undefined && endDate !== undefined && startDate > endDate) {
    throw argosErrors.detailed('invalid_data_format', 'startDate must not be after endDate');
  }
  const countText = single(query.count);
  const count = countText === undefined ? MAX_PAGE_COUNT : Number(countText);
  if (!/^\d+$/.test(countText ?? '1') || count < 1 || count > MAX_PAGE_COUNT) {
    throw argosErrors.detailed('invalid_data_format', `count must be an integer from 1 to ${MAX_PAGE_COUNT}`);
  }
  const nextId = single(query.nextKey_id);
  const nextDate = single(query.nextKey_date);
  if ((nextId === undefined) !== (nextDate === undefined)) {
    throw argosErrors.detailed(
      'required key is missing',
      'nextKey_id and nextKey_date must be given together',
    );
  }
  if (nextDate !== undefined && Number.isNaN(Date.parse(nextDate))) {
    throw argosErrors.detailed(
      'invalid_data_format',
      'nextKey_date must be the createTime of a nextPage_key',
    );
  }
  return {
    pid,
    fromDay: startDate,
    toDay: endDate,
    count,
    after:
      nextId !== undefined && nextDate !== undefined ? { authId: nextId, createTime: nextDate } : undefined,
  };
}

function isDay(value: string | undefined): boolean {
  const m = value === undefined ? null : DAY.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

// A repeated parameter is a caller mistake; the first value counts, as on most gateways.
function single(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first === '' ? undefined : first;
}
