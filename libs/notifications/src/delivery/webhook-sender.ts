import { Agent, ClientRequest, IncomingMessage, request as httpRequest, RequestOptions } from 'node:http';
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
 * us. With an `agent` (DeliveryAgents: one per checked address) a connection whose answer was read to its
 * end within that bound is kept for the next attempt; any other is destroyed. Without one, a connection per
 * attempt. No redirects (a 3xx is a failure), one timeout for the whole attempt.
 */
export async function sendWebhook(
  target: CheckedTarget,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  agent: Agent | false = false,
): Promise<AttemptOutcome> {
  const outcome = await post(target, headers, body, timeoutMs, agent);
  // A kept-alive connection the receiver closed as we reused it: the request never reached it. Once more, on
  // a new connection (the agent dropped the dead one), as Node's documentation advises.
  if (!outcome.staleConnection) return outcome;
  const { staleConnection: _, ...again } = await post(target, headers, body, timeoutMs, agent);
  return again;
}

type PostOutcome = AttemptOutcome & { staleConnection?: true };

function post(
  target: CheckedTarget,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  agent: Agent | false,
): Promise<PostOutcome> {
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
    agent,
    lookup: pinned,
    family,
    headers: { ...headers, 'content-length': String(payload.length), 'user-agent': 'faceauth-webhooks/1' },
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;

  return new Promise<PostOutcome>((resolve) => {
    let settled = false;
    let statusCode: number | null = null;
    const chunks: Buffer[] = [];
    let received = 0;
    let req: ClientRequest | null = null;
    let res: IncomingMessage | null = null;

    /** `complete`: the answer was read to its end, so its connection may serve the next attempt. */
    const finish = (error: string | null, complete = false): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!complete) {
        res?.destroy();
        req?.destroy();
      }
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
      response.on('end', () => finish(null, true));
      response.on('error', () => finish(null));
      response.on('close', () => finish(null));
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (
        !settled &&
        statusCode === null &&
        req?.reusedSocket &&
        (error.code === 'ECONNRESET' || error.code === 'EPIPE')
      ) {
        settled = true;
        clearTimeout(timer);
        req.destroy();
        resolve({ ok: false, statusCode: null, error: error.code, excerpt: null, staleConnection: true });
        return;
      }
      finish(error.code ?? error.message.slice(0, 100));
    });
    req.end(payload);
  });
}
