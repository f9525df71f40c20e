import { HttpStack } from './http-stack';

/** The mint request of the link rows (issue 4): the smallest valid body. */
export const MINT_BODY = '{"sid":"sub_1","authUserId":"u1"}';

export function jsonHeaders(apiKey: string): Record<string, string> {
  return { 'content-type': 'application/json', 'x-api-key': apiKey };
}

/** Mints `count` links through the service's own API (realistic rows for the GET row); returns their ids. */
export async function seedLinks(stack: HttpStack, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const created = await fetchJson(`${stack.service.baseUrl}/v1/links`, 201, {
      method: 'POST',
      headers: jsonHeaders(stack.apiKey),
      body: MINT_BODY,
    });
    if (typeof created.id !== 'string')
      throw new Error(`the service minted a link without an id: ${JSON.stringify(created)}`);
    ids.push(created.id);
  }
  return ids;
}

/** Fetches a JSON object and checks the status; used only outside measured rounds. */
export async function fetchJson(
  url: string,
  status: number,
  init?: RequestInit,
): Promise<Record<string, unknown>> {
  const response = await fetch(url, init);
  const text = await response.text();
  if (response.status !== status)
    throw new Error(
      `${init?.method ?? 'GET'} ${url} answered ${response.status}, expected ${status}: ${text}`,
    );
  const body: unknown = JSON.parse(text);
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new Error(`${url} did not answer a JSON object: ${text}`);
  return body as Record<string, unknown>;
}

/**
 * Throws unless both sides answer with the same fields (and, for `sameValues`, the same values): a
 * baseline that does less visible work than the subject would flatter the ratio.
 */
export function assertSameAnswer(
  what: string,
  subject: Record<string, unknown>,
  baseline: Record<string, unknown>,
  sameValues: readonly string[] = [],
): void {
  const keys = (o: Record<string, unknown>): string => Object.keys(o).sort().join(',');
  if (keys(subject) !== keys(baseline)) {
    throw new Error(
      `${what}: the baseline answers other fields than the service:\n  service: ${keys(subject)}\n  bare:    ${keys(baseline)}`,
    );
  }
  for (const key of sameValues) {
    if (JSON.stringify(subject[key]) !== JSON.stringify(baseline[key])) {
      throw new Error(
        `${what}: service and baseline disagree on ${key}: ${JSON.stringify(subject[key])} vs ${JSON.stringify(baseline[key])}`,
      );
    }
  }
}

/** A request that both sides must refuse with `status`. */
export interface RefusedRequest {
  path: string;
  init: RequestInit;
  status: number;
}

/**
 * Both sides refuse a request without a key (401) and one with a bad input (400): the baseline really does
 * the key check and the input check it is credited with.
 */
export async function assertBothRefuse(stack: HttpStack, refused: readonly RefusedRequest[]): Promise<void> {
  for (const server of [stack.service, stack.bare]) {
    for (const { path, init, status } of refused) await fetchJson(`${server.baseUrl}${path}`, status, init);
  }
}
