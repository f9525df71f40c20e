/**
 * The texts of the pages the short link (`GET /l/:id`) answers itself, by language and page kind.
 *
 * The vendor's hosted page speaks English and Korean, so ours do too. Two languages and a handful of strings
 * need no i18n library: a typed table makes a missing translation a compile error, and adding a language is
 * one more entry in `PAGE_LANGUAGES` and in the table. Plain text only: the page renderer HTML-escapes it.
 */
export const PAGE_LANGUAGES = ['en', 'ko'] as const;
export type PageLanguage = (typeof PAGE_LANGUAGES)[number];

/** What happened to the link, as the person opening it needs to know it. */
export type PageKind = 'not-found' | 'used' | 'expired' | 'revoked' | 'unavailable';

export interface PageText {
  readonly title: string;
  readonly text: string;
}

export const SHORT_LINK_MESSAGES: Readonly<Record<PageLanguage, Readonly<Record<PageKind, PageText>>>> = {
  en: {
    'not-found': {
      title: 'Link not found',
      text: 'This verification link does not exist. Please check that you copied it completely, or ask for a new one.',
    },
    used: {
      title: 'Link already used',
      text: 'This verification link has already been used. If you still need to verify, please ask for a new link.',
    },
    expired: {
      title: 'Link expired',
      text: 'This verification link has expired. Please ask for a new link.',
    },
    revoked: {
      title: 'Link no longer valid',
      text: 'This verification link was cancelled. Please ask for a new link.',
    },
    unavailable: {
      title: 'Link unavailable',
      text: 'This verification link cannot be used. Please ask for a new link.',
    },
  },
  ko: {
    'not-found': {
      title: '링크를 찾을 수 없습니다',
      text: '존재하지 않는 인증 링크입니다. 링크 주소를 빠짐없이 복사했는지 확인하시거나 새 링크를 요청해 주세요.',
    },
    used: {
      title: '이미 사용된 링크입니다',
      text: '이 인증 링크는 이미 사용되었습니다. 인증을 다시 진행하셔야 한다면 새 링크를 요청해 주세요.',
    },
    expired: {
      title: '만료된 링크입니다',
      text: '이 인증 링크는 유효 기간이 지나 만료되었습니다. 새 링크를 요청해 주세요.',
    },
    revoked: {
      title: '더 이상 사용할 수 없는 링크입니다',
      text: '이 인증 링크는 취소되었습니다. 새 링크를 요청해 주세요.',
    },
    unavailable: {
      title: '링크를 사용할 수 없습니다',
      text: '이 인증 링크는 사용할 수 없습니다. 새 링크를 요청해 주세요.',
    },
  },
};
