import {
  createSandboxApp,
  DEFAULT_API_KEY,
  DEFAULT_PID,
  DEFAULT_SLOW_MS,
  type FaultKind,
  type ProjectConfigInput,
  type SandboxConfigInput,
  type SandboxControls,
  type SandboxHandle,
  type SandboxStats,
  type WebhookDelivery,
} from '@faceauth/argos-sandbox';
import { completeFaceAuthPage, type FaceAuthAttempt, type FaceAuthOutcome } from './hosted-page.driver';

/**
 * One FaceAuth project, shaped exactly like an entry of `FaceAuthModule.forRoot({ projects })`
 * (`FaceAuthProject` of `faceauth`), with the sandbox's values.
 */
export interface ArgosSandboxProject {
  /** The project's name in your FaceAuthModule options (default `sandbox`). */
  name: string;
  /** The sandbox project's `pid` (default `sandbox-project`). */
  pid: string;
  /** Its Add-on API key (default `sandbox-api-key`, a public test value). */
  apiKey: string;
  /** Its dedicated encryption key string, when you gave it one. */
  secretKey?: string;
  cipher: 'aes-256-ecb' | 'aes-256-gcm';
  plaintextFormat: 'json' | 'querystring';
  tokenExpiration: { mode: 'off' } | { mode: 'count' } | { mode: 'time'; windowSeconds: number };
}

/** The `argos` block of `FaceAuthModule.forRoot()`, pointing at the sandbox. */
export interface ArgosSandboxEndpoints {
  /** `<url>/v3`: the sandbox's Add-on REST API. */
  apiBaseUrl: string;
  /** `<url>/face-auth`: the sandbox's hosted capture page. */
  formUrl: string;
}

/** Options of {@link startArgosSandbox}; every one may be left out. */
export interface StartArgosSandboxOptions {
  /**
   * The project: `name` (yours, default `sandbox`) plus any sandbox project setting (`pid`, `apiKey`,
   * `secretKey`, `cipher: 'ecb' | 'gcm'`, `tokenExpiration`, `webhookVersion`, `policy`, …; see the sandbox
   * README). Defaults: `sandbox-project` / `sandbox-api-key`, ECB, JSON, no token expiration, v3 webhooks.
   */
  project?: ProjectConfigInput & { name?: string };
  /**
   * Where the sandbox POSTs the project's Argos webhooks, when already known. Usually the host starts
   * after the sandbox: then call `controls.webhooks.sendTo(url)` once it listens.
   */
  webhookUrl?: string;
  /**
   * Other sandbox settings: `seedSubmissions` (default true), `clockStart`, `webhookRetry`,
   * `tokenSweepIntervalMs`, `logLevels` (default warnings and errors). It always listens on 127.0.0.1, on
   * a free port.
   */
  sandbox?: Omit<SandboxConfigInput, 'host' | 'port' | 'projects'>;
}

/** What `POST /__sandbox/faults` arms, typed: fail the next REST calls to Argos. */
export interface ArgosSandboxFaultOptions {
  /** How many matching calls fail (default 1). */
  count?: number;
  /** Delay before the fault, in ms (for `slow`: before serving; default 1500 for `slow`, else 0). */
  latencyMs?: number;
  /** Only this operation (default: every REST call). */
  operation?: 'POST /v3/faceauth' | 'GET /v3/faceauth' | 'GET /v3/faceauth/image' | 'DELETE /v3/faceauth';
}

/** An ID Check submission to add; the images are JPEG or PNG bytes. */
export type ArgosSandboxSubmissionInput = Parameters<SandboxControls['submissions']['add']>[0];

/**
 * The sandbox's control API (`/__sandbox/*`), typed and in-process. Everything acts on the running
 * sandbox at once; nothing here needs an Argos key.
 */
export interface ArgosSandboxControls {
  /**
   * Plays the person on the hosted page: opens a Face Auth URL (a link your service minted, or a short
   * link redirecting to one) and submits it. `approved` (default) presses "use the reference photo" (the
   * submission's own face); `rejected` uploads a face that does not match. The sandbox then sends the
   * `faceAuth` webhook to the project's webhook URL. Resolves to the attempt as the result page shows it
   * (a magic value in the link or the project's policy can still change the status); throws
   * {@link ArgosSandboxPageError} when the page refuses the link (expired token, unknown sid, …).
   */
  completeFaceAuth(url: string, outcome?: FaceAuthOutcome): Promise<FaceAuthAttempt>;
  webhooks: {
    /**
     * Sends the project's webhooks to `url` from now on, e.g. `${appUrl}/webhooks/argos` (your `webhookPath`,
     * with the secret in the path or query when you set `webhooks.secrets`). `null`: none, recorded as `skipped`.
     */
    sendTo(url: string | null): void;
    /** Every webhook the sandbox produced, oldest first (`GET /__sandbox/webhooks`). */
    list(): WebhookDelivery[];
    /** Resolves true once no delivery is pending or waiting for a retry (false after `timeoutMs`). */
    settle(timeoutMs?: number): Promise<boolean>;
    /** The next `count` webhooks are recorded as `dropped` and never sent. */
    dropNext(count: number): void;
    /** Each of the next `count` webhooks is sent `times` times in all (default 2). */
    duplicateNext(count: number, times?: number): void;
  };
  faults: {
    /** Fails the next REST call(s) with `kind` (`500`, `502`, `403-key`, `hang`, `reset`, `slow`, …). */
    failNext(kind: FaultKind, options?: ArgosSandboxFaultOptions): void;
    /** Disarms every scheduled fault. */
    clear(): void;
  };
  clock: {
    /** The sandbox's "now" (it drives `create_time` and token windows). */
    now(): Date;
    /** Moves the sandbox clock by `seconds` (negative: back); due token notices go out at once. */
    advance(seconds: number): Date;
    /** Jumps the sandbox clock to `instant`. */
    set(instant: Date): Date;
  };
  /** Adds (or replaces) an ID Check submission and returns its id. */
  addSubmission(input: ArgosSandboxSubmissionInput): string;
  /** Calls seen per operation, statuses, faults served (`GET /__sandbox/stats`). */
  stats(): SandboxStats;
  /**
   * Back to the start (`POST /__sandbox/reset`): the seeds, the clock, no records, tokens, deliveries,
   * faults or stats. The webhook URL set with `webhooks.sendTo()` is kept.
   */
  reset(): void;
}

/** A running in-process Argos sandbox, from {@link startArgosSandbox}. */
export interface ArgosSandbox {
  /** Its base URL, `http://127.0.0.1:<free port>`. */
  readonly url: string;
  /** The project for `FaceAuthModule.forRoot({ projects: [sandbox.project] })`. */
  readonly project: ArgosSandboxProject;
  /** The Argos endpoints for `FaceAuthModule.forRoot({ argos: sandbox.argos })`. */
  readonly argos: ArgosSandboxEndpoints;
  /** The control API, typed. */
  readonly controls: ArgosSandboxControls;
  /** The underlying handle: the Nest app and every internal store (`createSandboxApp()`'s result). */
  readonly handle: SandboxHandle;
  /** Stops the sandbox: closes its server, cancels webhook retries, drops open connections. */
  close(): Promise<void>;
}

/**
 * Starts the offline Argos sandbox (REST API, hosted page, webhooks, faults) inside the test process, on
 * 127.0.0.1 and a free port, with one FaceAuth project. Point `FaceAuthModule` at it with
 * `projects: [sandbox.project]` and `argos: sandbox.argos`, tell it where your webhook route listens with
 * `sandbox.controls.webhooks.sendTo(url)`, and complete the links your service mints with
 * `sandbox.controls.completeFaceAuth(url)`. Close it in `afterAll`.
 *
 * Throws `SandboxConfigError` (naming the setting) on a bad option.
 */
export async function startArgosSandbox(options: StartArgosSandboxOptions = {}): Promise<ArgosSandbox> {
  const { name = 'sandbox', ...settings } = options.project ?? {};
  const pid = settings.pid ?? DEFAULT_PID;
  const handle = await createSandboxApp({
    ...options.sandbox,
    host: '127.0.0.1',
    port: 0,
    projects: [
      {
        ...settings,
        pid,
        apiKey: settings.apiKey ?? DEFAULT_API_KEY,
        webhookUrl: options.webhookUrl ?? settings.webhookUrl,
      },
    ],
  });
  const internals = handle.controls;
  const configured = internals.projects.findByPid(pid)!;
  let webhookTarget: string | null | undefined;
  const controls: ArgosSandboxControls = {
    completeFaceAuth: (url, outcome = 'approved') => completeFaceAuthPage(url, outcome),
    webhooks: {
      sendTo: (url) => {
        webhookTarget = url;
        internals.projects.upsert(pid, { webhookUrl: url });
      },
      list: () => internals.webhooks.store.list(),
      settle: (timeoutMs) => internals.webhooks.whenIdle(timeoutMs),
      dropNext: (count) => internals.webhooks.store.dropNext(count),
      duplicateNext: (count, times = 2) => internals.webhooks.store.duplicateNext(count, times),
    },
    faults: {
      failNext: (kind, fault = {}) =>
        void internals.faults.arm(
          kind,
          fault.count ?? 1,
          fault.latencyMs ?? (kind === 'slow' ? DEFAULT_SLOW_MS : 0),
          fault.operation,
        ),
      clear: () => internals.faults.reset(),
    },
    clock: {
      now: () => internals.clock.now(),
      advance: (seconds) => internals.clock.advance(seconds),
      set: (instant) => internals.clock.set(instant),
    },
    addSubmission: (input) => internals.submissions.add(input).id,
    stats: () => internals.stats.snapshot(),
    reset: () => {
      internals.reset();
      if (webhookTarget !== undefined) internals.projects.upsert(pid, { webhookUrl: webhookTarget });
    },
  };
  return {
    url: handle.url,
    project: {
      name,
      pid: configured.pid,
      apiKey: configured.apiKey,
      ...(configured.secretKey !== undefined ? { secretKey: configured.secretKey } : {}),
      cipher: configured.cipher === 'gcm' ? 'aes-256-gcm' : 'aes-256-ecb',
      plaintextFormat: configured.plaintextFormat,
      tokenExpiration:
        configured.tokenExpiration.mode === 'time'
          ? { mode: 'time', windowSeconds: configured.tokenExpiration.windowSeconds }
          : { mode: configured.tokenExpiration.mode },
    },
    argos: { apiBaseUrl: `${handle.url}/v3`, formUrl: `${handle.url}/face-auth` },
    controls,
    handle,
    close: () => handle.close(),
  };
}
