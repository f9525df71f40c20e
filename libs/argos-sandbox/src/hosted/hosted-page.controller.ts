import { Controller, Get, Header, HttpCode, Post, Query, Req, UseFilters } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { MultipartForm, MultipartFormError, readMultipartForm } from '../core/multipart-form.reader';
import { DEFAULT_BODY_LIMIT_BYTES } from '../config/sandbox-config.defaults';
import { ProjectRegistry } from '../state/project.registry';
import { HostedPageError, HostedPageErrorCode } from './hosted-page.error';
import { HostedPageErrorFilter } from './hosted-page-error.filter';
import { renderCapturePage, renderResultPage } from './hosted-page.renderer';
import { HostedPageService, LinkParams } from './hosted-page.service';

/** The hosted capture page, `https://form.argosidentity.com/face-auth` in production. */
@Controller('face-auth')
@UseFilters(HostedPageErrorFilter)
export class HostedPageController {
  constructor(
    private readonly pages: HostedPageService,
    private readonly projects: ProjectRegistry,
  ) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  open(@Query() query: RawQuery): string {
    const params: LinkParams = {
      pid: single(query.pid),
      encrypted: single(query.encrypted),
      lang: single(query.lang),
    };
    const link = this.pages.open(params);
    return renderCapturePage({ pid: link.project.pid, encrypted: link.encrypted, lang: params.lang });
  }

  @Post('submit')
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  async submit(@Query() query: RawQuery, @Req() request: FastifyRequest): Promise<string> {
    const pid = single(query.pid);
    const form = await this.readForm(request, pid);
    const params: LinkParams = {
      pid: pid ?? form.fields.pid,
      encrypted: form.fields.encrypted,
      lang: single(query.lang),
    };
    return renderResultPage(this.pages.submit(params, form), params.lang);
  }

  // The form action carries pid in its query, so the project's limit applies while streaming.
  private async readForm(request: FastifyRequest, pid: string | undefined): Promise<MultipartForm> {
    const limit = (pid && this.projects.findByPid(pid)?.bodyLimitBytes) || DEFAULT_BODY_LIMIT_BYTES;
    try {
      return await readMultipartForm(request, limit);
    } catch (error) {
      if (!(error instanceof MultipartFormError)) throw error;
      if (error.reason === 'too-large')
        throw new HostedPageError(HostedPageErrorCode.IMAGE_TOO_LARGE, 'too large');
      throw new HostedPageError(HostedPageErrorCode.IMAGE_REQUIRED, 'the form must be multipart/form-data');
    }
  }
}

type RawQuery = Record<string, string | string[] | undefined>;

// A repeated or empty parameter counts as absent: the link is then refused as incomplete.
function single(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
