import type { AuthRecord } from '../state/auth-record.type';
import type { HostedPageErrorCode } from './hosted-page.error';
import { pageLanguage, pageTexts } from './hosted-page.i18n';

/** Inputs of the capture page; `pid`/`lang` travel on in the form action, `encrypted` in a hidden field. */
export interface CapturePageModel {
  pid: string;
  encrypted: string;
  lang?: string;
}

/**
 * Server-rendered pages of the hosted capture flow. Stable hooks for tests and browsers:
 * `data-page` (capture | result | error), `data-auth-status`, `data-auth-id`, `data-error-code`,
 * and the element ids `face-image`, `submit-selfie`, `use-reference`.
 */
export function renderCapturePage(model: CapturePageModel): string {
  const t = pageTexts(model.lang);
  const action = `/face-auth/submit?pid=${encodeURIComponent(model.pid)}${model.lang ? `&lang=${encodeURIComponent(model.lang)}` : ''}`;
  return layout(
    model.lang,
    t.title,
    `
<main data-page="capture" data-pid="${esc(model.pid)}">
  <h1>${esc(t.title)}</h1>
  <p>${esc(t.intro)}</p>
  <form method="post" action="${esc(action)}" enctype="multipart/form-data">
    <input type="hidden" name="encrypted" value="${esc(model.encrypted)}">
    <label for="face-image">${esc(t.chooseFile)}</label>
    <input id="face-image" type="file" name="faceImage" accept="image/jpeg,image/png" capture="user">
    <div class="actions">
      <button id="submit-selfie" type="submit" name="action" value="upload">${esc(t.submit)}</button>
      <button id="use-reference" type="submit" name="action" value="reference">${esc(t.useReference)}</button>
    </div>
  </form>
</main>`,
  );
}

export function renderResultPage(record: AuthRecord, lang?: string): string {
  const t = pageTexts(lang);
  const approved = record.status === 'approved';
  const reasons = record.failCodes.map(
    (code, i) => `<li data-fail-code="${esc(code)}">${esc(record.comments[i] ?? code)}</li>`,
  );
  return layout(
    lang,
    t.title,
    `
<main data-page="result" data-auth-status="${record.status}" data-auth-id="${esc(record.authId)}">
  <h1 class="${approved ? 'ok' : 'ko'}">${esc(approved ? t.approved : t.rejected)}</h1>
  <p>${esc(t.authId)}: <code id="auth-id">${esc(record.authId)}</code></p>
  <p>${esc(t.similarity)}: <span id="face-similarity">${record.scores.face_similarity.toFixed(1)}</span></p>
  ${reasons.length ? `<ul id="fail-codes">${reasons.join('')}</ul>` : ''}
</main>`,
  );
}

export function renderErrorPage(code: HostedPageErrorCode, lang?: string, detail?: string): string {
  const t = pageTexts(lang);
  const detailAttr = detail ? ` data-error-detail="${esc(detail)}"` : '';
  return layout(
    lang,
    t.errorTitle,
    `
<main data-page="error" data-error-code="${code}"${detailAttr}>
  <h1>${esc(t.errorTitle)}</h1>
  <p>${esc(t.errors[code])}</p>
  <p><small>Error code: <code id="error-code">${code}</code></small></p>
</main>`,
  );
}

function layout(lang: string | undefined, title: string, body: string): string {
  return `<!doctype html>
<html lang="${pageLanguage(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · Argos sandbox</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 32rem; margin: 2rem auto; padding: 0 1rem; color: #1d2733; }
  .banner { background: #fff4d6; border: 1px solid #e9c46a; padding: .4rem .6rem; font-size: .85rem; }
  label, input, .actions { display: block; margin: .8rem 0; }
  button { padding: .5rem 1rem; margin-right: .5rem; }
  .ok { color: #1b7f3b; } .ko { color: #b3261e; }
</style>
</head>
<body>
<p class="banner">Argos FaceAuth sandbox: test data only, no real identity check happens here.</p>
${body}
</body>
</html>
`;
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
