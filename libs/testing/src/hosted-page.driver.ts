import { makeJpeg } from '@faceauth/argos-sandbox';

/** How the person on the hosted page should do: show their own face, or somebody else's. */
export type FaceAuthOutcome = 'approved' | 'rejected';

/** An attempt as the sandbox's result page shows it. */
export interface FaceAuthAttempt {
  /** The Argos `authId` of the attempt (what the `faceAuth` webhook and the REST API carry). */
  authId: string;
  status: FaceAuthOutcome;
  /** Why it was rejected (`face_compare_underscore`, `Face_cover_fail`, …); empty when approved. */
  failCodes: string[];
}

/** The hosted page refused a link or an upload; `code` is the page's `data-error-code`. */
export class ArgosSandboxPageError extends Error {
  override readonly name = 'ArgosSandboxPageError';

  constructor(
    /** E.g. `TOKEN_EXPIRED`, `SUBMISSION_NOT_APPROVED`, `DECRYPTION_FAILED` (the sandbox README lists them). */
    readonly code: string,
    /** The page's HTTP status. */
    readonly status: number,
    readonly url: string,
  ) {
    super(`the sandbox's hosted page answered ${status} ${code} for ${url}`);
  }
}

// Never byte-identical to a reference image, so the face comparison fails (see the decision rules).
const ANOTHER_FACE = makeJpeg('faceauth/testing: somebody else', 90);

/** Opens the capture page at `url` (following redirects, e.g. a short link) and submits it. */
export async function completeFaceAuthPage(url: string, outcome: FaceAuthOutcome): Promise<FaceAuthAttempt> {
  const page = await fetch(url, { headers: { accept: 'text/html' } });
  const html = await page.text();
  const pageUrl = page.url || url;
  if (page.status !== 200) throw pageError(html, page.status, pageUrl);
  const encrypted = attribute(html, /name="encrypted" value="([^"]*)"/);
  const action = attribute(html, /<form method="post" action="([^"]*)"/);
  if (encrypted === undefined || action === undefined)
    throw new Error(`${pageUrl} is not the sandbox's capture page (no capture form)`);
  const form = new FormData();
  form.set('encrypted', encrypted);
  if (outcome === 'approved') {
    form.set('action', 'reference');
  } else {
    form.set('action', 'upload');
    form.set('faceImage', new Blob([new Uint8Array(ANOTHER_FACE)], { type: 'image/jpeg' }), 'face.jpg');
  }
  const submitUrl = new URL(action, pageUrl).toString();
  const submitted = await fetch(submitUrl, { method: 'POST', body: form });
  const result = await submitted.text();
  const authId = attribute(result, /data-auth-id="([^"]*)"/);
  const status = attribute(result, /data-auth-status="([^"]*)"/);
  if (submitted.status !== 200 || !authId || (status !== 'approved' && status !== 'rejected'))
    throw pageError(result, submitted.status, submitUrl);
  const failCodes = [...result.matchAll(/data-fail-code="([^"]*)"/g)].map((m) => decodeHtml(m[1]));
  return { authId, status, failCodes };
}

function pageError(html: string, status: number, url: string): ArgosSandboxPageError {
  return new ArgosSandboxPageError(attribute(html, /data-error-code="([^"]*)"/) ?? 'UNKNOWN', status, url);
}

function attribute(html: string, pattern: RegExp): string | undefined {
  const value = pattern.exec(html)?.[1];
  return value === undefined ? undefined : decodeHtml(value);
}

function decodeHtml(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
