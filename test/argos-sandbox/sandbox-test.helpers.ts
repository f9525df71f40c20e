import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request received by the local webhook receiver. */
export interface ReceivedWebhook {
  body: string;
  json: unknown;
  headers: IncomingHttpHeaders;
  /** The status the receiver answered with. */
  answered: number;
  /** `Date.now()` when the body was complete. */
  receivedAt: number;
}

/** A node:http webhook receiver on a free port that records requests and answers scripted statuses. */
export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** The next requests get these statuses, in order (then 200 again); 0 = destroy the connection. */
  respondWith(...statuses: number[]): void;
  /** The next request is answered only after `ms` milliseconds. */
  answerNextAfter(ms: number): void;
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  /** Forgets what was received and any scripted statuses. */
  reset(): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const script: number[] = [];
  const delays: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const status = script.length ? (script.shift() as number) : 200;
      const receivedAt = Date.now();
      received.push({ body, json: safeJson(body), headers: req.headers, answered: status, receivedAt });
      const answer = (): void => {
        if (status === 0) {
          req.socket.destroy();
          return;
        }
        res.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
      };
      const delay = delays.shift() ?? 0;
      if (delay > 0) setTimeout(answer, delay);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/argos`,
    received,
    respondWith: (...statuses) => script.push(...statuses),
    answerNextAfter: (ms) => delays.push(ms),
    reset: () => {
      received.length = 0;
      script.length = 0;
      delays.length = 0;
    },
    waitFor: async (count, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} webhooks, got ${received.length}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return received.slice(0, count);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A multipart body for `POST /v3/faceauth`. */
export function faceAuthForm(fields: Record<string, string>, image?: Buffer, type = 'image/jpeg'): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  if (image) form.append('faceImage', new Blob([new Uint8Array(image)], { type }), 'selfie.jpg');
  return form;
}

/** `data-*` attribute of the page's <main>, e.g. `pageAttr(html, 'error-code')`. */
export function pageAttr(html: string, name: string): string | undefined {
  const main = /<main\b[^>]*>/.exec(html)?.[0] ?? '';
  return new RegExp(`data-${name}="([^"]*)"`).exec(main)?.[1];
}

/** The capture form's action and hidden `encrypted` value, as a browser would submit them. */
export function captureForm(html: string): { action: string; encrypted: string } {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  const encrypted = /name="encrypted" value="([^"]*)"/.exec(html)?.[1];
  if (!action || !encrypted) throw new Error('no capture form on the page');
  return { action: unescapeHtml(action), encrypted: unescapeHtml(encrypted) };
}

function unescapeHtml(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Argos 400 bodies (either shape) and the gateway's `{message}` bodies. */
export interface ApiErrorBody {
  errorCode?: string;
  message?: string;
  traceId?: string;
}

/** `POST /v3/faceauth` response. */
export interface SubmitBody {
  authentication_id: string;
  auth_status: string;
  create_time: string;
  score: Record<string, number>;
  fail_code?: string[];
  rejected_comment?: string[];
}

/** The keys of a documented `GET /v3/faceauth` record (ARGOS-CONTRACT section 7), sorted. */
/** The vendor's sample policy (contract section 7): 0-100 thresholds, `occluded_threshold` a boolean. */
export const VENDOR_SAMPLE_POLICY = {
  faceSimilarity_threshold: 85,
  occluded_threshold: false,
  faceCover_threshold: 50,
  headCover_threshold: 50,
  liveness_threshold: 50,
  activeLiveness_threshold: 50,
};

export const DOCUMENTED_RECORD_KEYS = [
  'auth_id',
  'auth_status',
  'create_time',
  'delete_check',
  'kyc_submission_id',
  'policy',
  'reject_comment',
  'result',
  'submit_type',
];

/** What `extraRecordFields: true` adds (Argos does not document them), sorted. */
export const UNDOCUMENTED_RECORD_KEYS = ['cf1', 'cf2', 'cf3', 'fail_code', 'token_id', 'user_id'];

/** A `GET /v3/faceauth` record; the fields the tests do not name stay `unknown`. */
export interface RecordBody {
  auth_id: string;
  auth_status: string;
  create_time: string;
  delete_check: boolean;
  [field: string]: unknown;
}

export interface PageKey {
  authId: string;
  createTime: string;
}

/** One element of the newest (grouped) listing shape. */
export interface GroupBody {
  faceAuth_projectId: string;
  data: RecordBody[];
  nextPage_key?: PageKey;
}

/** Reads a JSON response body as the type the test expects (the assertions then check it). */
export async function readJson<T>(response: Response | Promise<Response>): Promise<T> {
  return (await (await response).json()) as T;
}
