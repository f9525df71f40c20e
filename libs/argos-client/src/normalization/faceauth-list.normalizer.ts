import { ArgosOperation } from '../errors/argos-operation.type';
import { isPlainObject } from '../shared/is-plain-object';
import { FaceAuthListKey, FaceAuthListPage, FaceAuthRecord } from './faceauth-record.interface';
import { normalizeRecord } from './faceauth-record.normalizer';
import { malformedResponse } from './malformed-response.error';
import { FieldReader } from './record-fields.reader';

const MAX_DEPTH = 3;

interface Collected {
  readonly records: FaceAuthRecord[];
  readonly keys: FaceAuthListKey[];
}

/**
 * Normalises a `GET /faceauth` answer of any documented shape into records plus the continuation key:
 * the newest `[{faceAuth_projectId, data:[…]}]`, an older flat array of records, an object
 * `{data:[…], nextPage_key}`, a lone record, or any of these double-encoded as a JSON string.
 * `nextPage_key` may sit at the top level, in a group or as its own array element. Records inherit
 * their group's project id.
 *
 * @throws ArgosClientError `ARGOS_BAD_RESPONSE` for anything else: an element that is neither a record
 *   nor a group, a record without id, a malformed or ambiguous `nextPage_key`.
 */
export function normalizeListPage(raw: unknown, operation: ArgosOperation = 'listResults'): FaceAuthListPage {
  const collected: Collected = { records: [], keys: [] };
  collect(unwrapJsonString(raw), collected, undefined, operation, 0);
  const distinct = collected.keys.filter((k, i) => collected.keys.findIndex((o) => sameKey(o, k)) === i);
  if (distinct.length > 1)
    throw malformedResponse(operation, 'the page carries conflicting nextPage_key values');
  return distinct.length === 1
    ? { records: collected.records, next: distinct[0] }
    : { records: collected.records };
}

export function sameKey(a: FaceAuthListKey, b: FaceAuthListKey): boolean {
  return a.authId === b.authId && a.createTime === b.createTime;
}

function collect(
  node: unknown,
  out: Collected,
  projectId: string | undefined,
  op: ArgosOperation,
  depth: number,
): void {
  if (depth > MAX_DEPTH) throw malformedResponse(op, 'records are nested too deeply');
  if (Array.isArray(node)) {
    for (const element of node) collectElement(element, out, projectId, op, depth);
    return;
  }
  if (isPlainObject(node)) {
    collectElement(node, out, projectId, op, depth);
    return;
  }
  throw malformedResponse(op, 'the body is neither a list nor a record');
}

function collectElement(
  element: unknown,
  out: Collected,
  projectId: string | undefined,
  op: ArgosOperation,
  depth: number,
): void {
  if (!isPlainObject(element)) throw malformedResponse(op, 'a list element is not a JSON object');
  const f = new FieldReader(element);
  const key = readKey(f.value('nextpagekey', 'nextkey'), op);
  if (key !== undefined) out.keys.push(key);
  if (f.string('authid', 'authenticationid') !== undefined) {
    const record = normalizeRecord(element, op);
    out.records.push(
      record.projectId === undefined && projectId !== undefined ? { ...record, projectId } : record,
    );
    return;
  }
  const groupProjectId = f.string('faceauthprojectid', 'projectid') ?? projectId;
  const data = f.value('data', 'items');
  if (Array.isArray(data) || isPlainObject(data))
    collect(unwrapJsonString(data), out, groupProjectId, op, depth + 1);
  else if (data !== undefined) throw malformedResponse(op, "a group's data is neither a list nor a record");
  else if (key === undefined && f.string('faceauthprojectid', 'projectid') === undefined) {
    throw malformedResponse(op, 'a list element is neither a record nor a {faceAuth_projectId, data} group');
  }
}

function readKey(value: unknown, op: ArgosOperation): FaceAuthListKey | undefined {
  const parsed = unwrapJsonString(value);
  if (parsed === undefined || parsed === null || parsed === '') return undefined;
  if (!isPlainObject(parsed)) throw malformedResponse(op, 'nextPage_key is not an object');
  if (Object.keys(parsed).length === 0) return undefined;
  const f = new FieldReader(parsed);
  const authId = f.string('authid', 'authenticationid');
  const createTime = f.string('createtime', 'createdate');
  if (authId === undefined || createTime === undefined)
    throw malformedResponse(op, 'nextPage_key lacks authId or createTime');
  return { authId, createTime };
}

// Some API Gateway integrations double-encode bodies; one level of JSON-in-a-string is unwrapped.
function unwrapJsonString(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (!text.startsWith('[') && !text.startsWith('{')) return value;
  try {
    return JSON.parse(text);
  } catch {
    return value;
  }
}
