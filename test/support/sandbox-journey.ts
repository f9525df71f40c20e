import { SandboxHandle, SEEDED_SUBMISSIONS } from '../../apps/argos-sandbox/src';

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

/** The JSON body of a fetch answer, loosely typed for assertions. */
export async function json(res: Response): Promise<any> {
  return res.json();
}
