import { AdminController } from '../http/admin-controller.decorator';
import { Get, Headers, Param, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiFoundResponse, ApiGoneResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { ShortLinkRefusal, ShortLinkService, TokenError, TokenErrorCode } from '@faceauth/token-policy';
import { Public } from '../auth/auth.metadata';
import { ApiErrors } from '../http/api-errors.decorator';
import { pageKindFor, pageLanguage, pageStatusFor, shortLinkErrorPage } from './short-link.page';

interface RawReply {
  status(code: number): RawReply;
  header(name: string, value: string): RawReply;
  getHeader(name: string): number | string | string[] | undefined;
  type(contentType: string): RawReply;
  redirect(url: string, code?: number): RawReply;
  send(body?: string): RawReply;
}

/** The short link's refusals are pages for the person holding the link, in their language. */
const HTML_PAGE = { 'text/html': { schema: { type: 'string' } } };

const LINK_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Rate limit per client address (see the rate-limit plugin registered by the host). */
export const SHORT_LINK_RATE_LIMIT = { max: 60, timeWindow: '1 minute' };

@ApiTags('links')
@Public()
@AdminController('l')
export class ShortLinkController {
  constructor(private readonly shortLinks: ShortLinkService) {}

  /** Redirects to a freshly encrypted Face Auth URL while the link may be used; otherwise explains why not. */
  @Get(':id')
  @RouteConfig({ rateLimit: SHORT_LINK_RATE_LIMIT })
  @ApiFoundResponse({
    description: 'Redirect to the Argos hosted page',
    headers: { Location: { description: 'The encrypted Face Auth URL', schema: { type: 'string' } } },
  })
  @ApiGoneResponse({ description: 'Used, expired or revoked (HTML page)', content: HTML_PAGE })
  @ApiNotFoundResponse({ description: 'Unknown link (HTML page)', content: HTML_PAGE })
  @ApiErrors(429, 503)
  async open(
    @Param('id') id: string,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() reply: RawReply,
  ): Promise<void> {
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    if (!LINK_ID.test(id)) return this.refuse(reply, TokenErrorCode.TOKEN_NOT_FOUND, null, acceptLanguage);
    try {
      reply.redirect(await this.shortLinks.open(id), 302);
    } catch (error) {
      if (!(error instanceof TokenError)) throw error;
      // The page speaks the link's language, when the link exists.
      const lang = error instanceof ShortLinkRefusal ? error.lang : null;
      this.refuse(reply, error.code, lang, acceptLanguage);
    }
  }

  /**
   * Answers the refusal's page in the link's language, else the browser's (`Accept-Language`), else English;
   * when the browser's header chose, the answer says it varies on it.
   */
  private refuse(reply: RawReply, code: TokenErrorCode, linkLang: string | null, accept?: string): void {
    const { lang, fromRequest } = pageLanguage(linkLang, accept);
    if (fromRequest) {
      // Kept alongside whatever a host's own hooks (CORS, compression) already vary on.
      const vary = [reply.getHeader('vary')].flat().filter((v) => v !== undefined && v !== '');
      reply.header('vary', [...vary, 'Accept-Language'].join(', '));
    }
    reply
      .status(pageStatusFor(pageKindFor(code)))
      .header('content-language', lang)
      .type('text/html; charset=utf-8')
      .send(shortLinkErrorPage(code, lang));
  }
}
