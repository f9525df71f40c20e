import { ClientRequest, IncomingMessage, request as httpRequest, RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { LookupFunction } from 'node:net';
import { CheckedTarget } from './target-policy';

/** At most this much of a receiver's answer is read (and kept as the delivery's excerpt). */
export const RESPONSE_EXCERPT_BYTES = 256;

export interface AttemptOutcome {
  /** A 2xx answer. */
  ok: boolean;
  statusCode: number | null;
  /** Why the attempt failed (short, safe to store); null on success. */
  error: string | null;
  excerpt: string | null;
}

/**
 * One POST of a signed delivery, on node:http / node:https directly rather than fetch: the connection must
 * go to the address the target policy checked, which a custom `lookup` on the request does (undici's fetch
 * can only pin an address through a custom dispatcher per target); and the answer's body is read up to
 * {@link RESPONSE_EXCERPT_BYTES} and the socket destroyed, so a receiver cannot stream an unbounded body at
 * us. No agent (no pooled socket to another address), no redirects (a 3xx is a failure), one timeout for
 * the whole attempt.
 */
export function sendWebhook(
  target: CheckedTarget,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<AttemptOutcome> {
  const { url, address, family } = target;
  // The checked address, whatever the resolver would say now. Node ≥ 20 may ask for `all` addresses
  // (happy eyeballs): answer with the one.
  const pinned = ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as unknown as LookupFunction;
  const payload = Buffer.from(body, 'utf8');
  const options: RequestOptions = {
    method: 'POST',
    agent: false,
    lookup: pinned,
    family,
    headers: { ...headers, 'content-length': String(payload.length), 'user-agent': 'faceauth-webhooks/1' },
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;

  return new Promise<AttemptOutcome>((resolve) => {
    let settled = false;
    let statusCode: number | null = null;
    const chunks: Buffer[] = [];
    let received = 0;
    let req: ClientRequest | null = null;
    let res: IncomingMessage | null = null;

    const finish = (error: string | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      res?.destroy();
      req?.destroy();
      const excerpt =
        received > 0 ? Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString('utf8') : null;
      if (statusCode === null) {
        resolve({ ok: false, statusCode: null, error: error ?? 'no answer', excerpt: null });
        return;
      }
      const ok = statusCode >= 200 && statusCode < 300;
      const failure = ok
        ? null
        : statusCode >= 300 && statusCode < 400
          ? `redirect (HTTP ${statusCode}) not followed`
          : `HTTP ${statusCode}`;
      resolve({ ok, statusCode, error: failure, excerpt });
    };

    // After the status line, a stalled body only costs the excerpt: the outcome is known.
    const timer = setTimeout(() => finish(`timeout after ${timeoutMs} ms`), timeoutMs);

    req = send(url, options, (response) => {
      res = response;
      statusCode = response.statusCode ?? null;
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        received += chunk.length;
        if (received >= RESPONSE_EXCERPT_BYTES) finish(null);
      });
      response.on('end', () => finish(null));
      response.on('error', () => finish(null));
      response.on('close', () => finish(null));
    });
    req.on('error', (error: NodeJS.ErrnoException) => finish(error.code ?? error.message.slice(0, 100)));
    req.end(payload);
  });
}
