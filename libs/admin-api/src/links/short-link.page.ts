import { TokenErrorCode } from '@faceauth/token-policy';
import { PAGE_LANGUAGES, PageKind, PageLanguage, SHORT_LINK_MESSAGES } from './short-link.messages';

/** The page's language, and whether the request's `Accept-Language` decided it (then the answer varies on it). */
export interface PageLanguageChoice {
  lang: PageLanguage;
  fromRequest: boolean;
}

/** An `Accept-Language` longer than this many ranges is read only this far (no browser sends more). */
const MAX_LANGUAGE_RANGES = 32;
const DEFAULT_LANGUAGE: PageLanguage = 'en';

/** One of our languages from a language tag's primary subtag (`ko-KR` → `ko`), else undefined. */
function ourLanguage(tag: string | undefined): PageLanguage | undefined {
  const primary = tag?.trim().split(/[-_]/)[0].toLowerCase();
  return PAGE_LANGUAGES.find((lang) => lang === primary);
}

/** A range's weight: `q=` when present (0 when malformed, so it is ignored), else 1. */
function quality(params: string[]): number {
  const q = params.map((p) => p.trim()).find((p) => /^q\s*=/i.test(p));
  if (q === undefined) return 1;
  const value = /^q\s*=\s*(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/i.exec(q)?.[1];
  return value === undefined ? 0 : Number(value);
}

/**
 * The most wanted of our languages in an `Accept-Language` header: the highest `q` (default 1), the first
 * listed on a tie; ranges with `q=0`, `*` and languages we do not speak are skipped.
 */
export function preferredLanguage(acceptLanguage: string | undefined): PageLanguage | undefined {
  let best: { lang: PageLanguage; q: number } | undefined;
  for (const range of (acceptLanguage ?? '').split(',').slice(0, MAX_LANGUAGE_RANGES)) {
    const [tag, ...params] = range.split(';');
    const lang = ourLanguage(tag);
    const q = quality(params);
    if (lang !== undefined && q > 0 && (best === undefined || q > best.q)) best = { lang, q };
  }
  return best?.lang;
}

/**
 * The page's language: the link's own `lang` when it has one we speak, else the browser's choice among ours
 * (`Accept-Language`), else English.
 */
export function pageLanguage(
  linkLang: string | null,
  acceptLanguage: string | undefined,
): PageLanguageChoice {
  const own = ourLanguage(linkLang ?? undefined);
  if (own !== undefined) return { lang: own, fromRequest: false };
  return { lang: preferredLanguage(acceptLanguage) ?? DEFAULT_LANGUAGE, fromRequest: true };
}

const KIND_BY_CODE: Partial<Record<TokenErrorCode, PageKind>> = {
  [TokenErrorCode.TOKEN_NOT_FOUND]: 'not-found',
  [TokenErrorCode.TOKEN_ALREADY_USED]: 'used',
  [TokenErrorCode.TOKEN_EXPIRED]: 'expired',
  [TokenErrorCode.TOKEN_REVOKED]: 'revoked',
};

/** What the page says for a refusal; any code the short link does not expect gets the general "unavailable". */
export function pageKindFor(code: TokenErrorCode): PageKind {
  return KIND_BY_CODE[code] ?? 'unavailable';
}

/** 404 for an unknown link, 410 for one that exists but can no longer be used. */
export function pageStatusFor(kind: PageKind): 404 | 410 {
  return kind === 'not-found' ? 404 : 410;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * A small self-contained page telling the person what happened and what to do, in `lang`. It names the error
 * code (`data-error-code`) and nothing of the link: no id, token or URL.
 */
export function shortLinkErrorPage(code: TokenErrorCode, lang: PageLanguage = DEFAULT_LANGUAGE): string {
  const message = SHORT_LINK_MESSAGES[lang][pageKindFor(code)];
  const title = escapeHtml(message.title);
  return `<!doctype html>
<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}</style>
</head><body data-error-code="${escapeHtml(code)}"><h1>${title}</h1><p>${escapeHtml(message.text)}</p></body></html>`;
}
