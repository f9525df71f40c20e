import { TokenErrorCode } from '@faceauth/token-policy';

type PageText = { title: string; text: string };
type Language = 'en' | 'ko';

/** The vendor's hosted page speaks English and Korean; so do ours. */
const MESSAGES: Record<Language, Partial<Record<TokenErrorCode, PageText>>> = {
  en: {
    [TokenErrorCode.TOKEN_NOT_FOUND]: {
      title: 'Link not found',
      text: 'This verification link does not exist. Please check that you copied it completely, or ask for a new one.',
    },
    [TokenErrorCode.TOKEN_ALREADY_USED]: {
      title: 'Link already used',
      text: 'This verification link has already been used. If you still need to verify, ask for a new link.',
    },
    [TokenErrorCode.TOKEN_EXPIRED]: {
      title: 'Link expired',
      text: 'This verification link has expired. Please ask for a new link.',
    },
    [TokenErrorCode.TOKEN_REVOKED]: {
      title: 'Link no longer valid',
      text: 'This verification link was cancelled. Please ask for a new link.',
    },
  },
  ko: {
    [TokenErrorCode.TOKEN_NOT_FOUND]: {
      title: '링크를 찾을 수 없습니다',
      text: '존재하지 않는 인증 링크입니다. 링크를 끝까지 정확히 복사했는지 확인하시거나 새 링크를 요청해 주세요.',
    },
    [TokenErrorCode.TOKEN_ALREADY_USED]: {
      title: '이미 사용된 링크입니다',
      text: '이 인증 링크는 이미 사용되었습니다. 인증이 더 필요하시면 새 링크를 요청해 주세요.',
    },
    [TokenErrorCode.TOKEN_EXPIRED]: {
      title: '만료된 링크입니다',
      text: '이 인증 링크는 만료되었습니다. 새 링크를 요청해 주세요.',
    },
    [TokenErrorCode.TOKEN_REVOKED]: {
      title: '더 이상 유효하지 않은 링크입니다',
      text: '이 인증 링크는 취소되었습니다. 새 링크를 요청해 주세요.',
    },
  },
};

/**
 * The page's language: the link's own `lang` when it has one we speak, else the browser's first choice
 * among ours (`Accept-Language`), else English.
 */
export function pageLanguage(linkLang: string | null, acceptLanguage: string | undefined): Language {
  const ours = (tag: string | undefined): Language | undefined => {
    const primary = tag?.trim().slice(0, 2).toLowerCase();
    return primary === 'ko' || primary === 'en' ? primary : undefined;
  };
  return (
    ours(linkLang ?? undefined) ??
    (acceptLanguage ?? '')
      .split(',')
      .map((part) => ours(part.split(';')[0]))
      .find((lang) => lang !== undefined) ??
    'en'
  );
}

/** A small self-contained page telling the person what happened and what to do. */
export function shortLinkErrorPage(code: TokenErrorCode, lang: Language = 'en'): string {
  const texts = MESSAGES[lang];
  const message = texts[code] ?? texts[TokenErrorCode.TOKEN_EXPIRED]!;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${message.title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}</style>
</head><body data-error-code="${code}"><h1>${message.title}</h1><p>${message.text}</p></body></html>`;
}
