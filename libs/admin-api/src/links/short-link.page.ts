import { TokenErrorCode } from '@faceauth/token-policy';

const MESSAGES: Partial<Record<TokenErrorCode, { title: string; text: string }>> = {
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
};

/** A small self-contained page telling the person what happened and what to do. */
export function shortLinkErrorPage(code: TokenErrorCode): string {
  const message = MESSAGES[code] ?? MESSAGES[TokenErrorCode.TOKEN_EXPIRED]!;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${message.title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}</style>
</head><body data-error-code="${code}"><h1>${message.title}</h1><p>${message.text}</p></body></html>`;
}
