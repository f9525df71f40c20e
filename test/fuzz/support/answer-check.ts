import { isDeepStrictEqual } from 'node:util';
import { FuzzRequest } from './fuzz-request';
import { FuzzTarget } from './fuzz-target';
import { operationFor } from './openapi-operations';
import { fingerprint, StateFingerprint } from './state-fingerprint';

export interface Answer {
  statusCode: number;
  body: string;
  headers: Record<string, unknown>;
}

/**
 * The state after the previous checked request when it was a 4xx (unchanged, so the next request's
 * "before" is known without reading the tables again). Nothing else writes: the target runs no
 * background loop.
 */
const settledState = new WeakMap<FuzzTarget, StateFingerprint>();

/**
 * Sends one request and holds the answer to the rules of issue 17: never a 5xx; 401 without credentials;
 * on every 4xx the envelope `{statusCode, code, message, requestId}` with a matching `x-request-id`
 * header (or, where the document describes the error as an HTML page, that page with the header), and
 * the stored state exactly as before. Throws a sentence naming the broken rule.
 */
export async function sendAndCheck(target: FuzzTarget, request: FuzzRequest): Promise<Answer> {
  const before = settledState.get(target) ?? (await fingerprint(target.dataSource));
  settledState.delete(target);
  const res = await target.api.app.inject({
    method: request.method as 'GET',
    url: request.url,
    headers: request.headers,
    payload: request.payload,
    remoteAddress: request.remoteAddress,
  });
  const answer: Answer = { statusCode: res.statusCode, body: res.body, headers: res.headers };
  const summary = `${res.statusCode} ${res.body.slice(0, 400)}`;
  if (res.statusCode >= 500) throw new Error(`server error: ${summary}`);
  if (!request.authenticated && res.statusCode !== 401) {
    throw new Error(`expected 401 without valid credentials, got ${summary}`);
  }
  if (res.statusCode >= 400) {
    const html = operationFor(target.operations, request.method, request.url)?.htmlErrorStatuses ?? [];
    const problem = html.includes(res.statusCode) ? htmlPageProblem(answer) : envelopeProblem(answer);
    if (problem) throw new Error(`${problem}: ${summary}`);
    const after = await fingerprint(target.dataSource);
    if (!isDeepStrictEqual(before, after)) {
      throw new Error(
        `a ${res.statusCode} changed stored state: before ${JSON.stringify(before)} after ${JSON.stringify(after)}`,
      );
    }
    settledState.set(target, after);
  }
  return answer;
}

/** What is wrong with an error answer's envelope, or null when it is right. */
export function envelopeProblem(answer: Answer): string | null {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(answer.body) as Record<string, unknown>;
  } catch {
    return 'error body is not JSON';
  }
  if (typeof body !== 'object' || body === null) return 'error body is not an object';
  if (body.statusCode !== answer.statusCode) return 'envelope statusCode differs from the status';
  if (typeof body.code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(body.code)) return 'envelope has no code';
  if (typeof body.message !== 'string' || body.message === '') return 'envelope has no message';
  if (typeof body.requestId !== 'string' || body.requestId === '') return 'envelope has no requestId';
  if (answer.headers['x-request-id'] !== body.requestId)
    return 'x-request-id header missing or not the requestId';
  return null;
}

/** What is wrong with a documented HTML error page, or null: it names its code and carries the request id. */
export function htmlPageProblem(answer: Answer): string | null {
  if (!String(answer.headers['content-type'] ?? '').startsWith('text/html')) return 'error page is not HTML';
  if (!/data-error-code="[A-Z][A-Z0-9_]*"/.test(answer.body)) return 'error page names no error code';
  if (typeof answer.headers['x-request-id'] !== 'string' || answer.headers['x-request-id'] === '') {
    return 'x-request-id header missing';
  }
  return null;
}
