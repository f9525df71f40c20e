import {
  createSandboxApp,
  ProjectConfigInput,
  SandboxHandle,
  SEEDED_SUBMISSIONS,
} from '@faceauth/argos-sandbox';
import { ApiHarness, startApi } from './api-harness';
import { DatabaseKindUnderTest } from './test-databases';

/** What a person does on the hosted page: open the Face Auth URL, press "use the reference photo". */
export async function completeHostedPage(faceAuthUrl: string): Promise<{ authId: string; status: string }> {
  const page = await fetch(faceAuthUrl);
  const html = await page.text();
  if (page.status !== 200)
    throw new Error(`hosted page answered ${page.status}: ${/data-error-code="([^"]+)"/.exec(html)?.[1]}`);
  const encrypted = /name="encrypted" value="([^"]+)"/.exec(html)?.[1];
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!encrypted || !action) throw new Error('no capture form on the hosted page');
  const form = new FormData();
  form.set('encrypted', decodeHtml(encrypted));
  form.set('action', 'reference');
  const submitted = await fetch(new URL(decodeHtml(action), faceAuthUrl), { method: 'POST', body: form });
  const result = await submitted.text();
  const authId = /data-auth-id="([^"]+)"/.exec(result)?.[1];
  const status = /data-auth-status="([^"]+)"/.exec(result)?.[1];
  if (!authId || !status)
    throw new Error(
      `no result page (HTTP ${submitted.status}): ${/data-error-code="([^"]+)"/.exec(result)?.[1]}`,
    );
  return { authId, status };
}

function decodeHtml(value: string): string {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

/** Polls until `probe` resolves truthy (a webhook crossing two servers takes a few milliseconds). */
export async function eventually<T>(
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const APPROVED_SUBMISSION = SEEDED_SUBMISSIONS.approved;

export type { SandboxHandle };

/** The service on a fresh database, listening, wired both ways to a sandbox with one project. */
export interface SandboxedApi {
  sandbox: SandboxHandle;
  api: ApiHarness;
  /** The service's base URL (the sandbox sends its webhooks to `${base}/webhooks/argos`). */
  base: string;
  close(): Promise<void>;
}

export async function startSandboxedApi(
  kind: DatabaseKindUnderTest,
  settings: { project: ProjectConfigInput & { pid: string; apiKey: string }; operatorKey: string },
): Promise<SandboxedApi> {
  const { project, operatorKey } = settings;
  const sandbox = await createSandboxApp({ projects: [{ webhookVersion: 'v3', ...project }] });
  const api = await startApi(kind, {
    env: {
      FACEAUTH_PID: project.pid,
      FACEAUTH_API_KEY: project.apiKey,
      ARGOS_API_BASE_URL: `${sandbox.url}/v3`,
      ARGOS_FORM_URL: `${sandbox.url}/face-auth`,
      RECONCILE_ENABLED: 'false',
      INTERNAL_API_KEYS: `ops|admin|${operatorKey}`,
    },
  });
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  const base = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
  sandbox.controls.projects.upsert(project.pid, { webhookUrl: `${base}/webhooks/argos` });
  return {
    sandbox,
    api,
    base,
    close: async () => {
      await api.close();
      await sandbox.close();
    },
  };
}

/** The JSON body of a fetch answer, loosely typed for assertions. */
export async function json(res: Response): Promise<any> {
  return res.json();
}
