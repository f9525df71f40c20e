import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MultipartForm, MultipartFormError, readMultipartForm } from '../core/multipart-form.reader';
import type { SandboxProject } from '../state/project.registry';
import { argosErrors } from './argos-api.error';
import { ArgosApiErrorFilter } from './argos-api-error.filter';
import { ArgosGatewayGuard, CallerProject } from './argos-gateway.guard';
import type { ListQueryParams } from './faceauth-list.query';
import { SandboxFaceAuthService } from './sandbox-faceauth.service';

/** The Argos Add-on REST API (ARGOS-CONTRACT.md section 4) under `/v3/faceauth`. */
@Controller('v3/faceauth')
@UseGuards(ArgosGatewayGuard)
@UseFilters(ArgosApiErrorFilter)
export class SandboxFaceAuthController {
  constructor(private readonly api: SandboxFaceAuthService) {}

  @Post()
  @HttpCode(200)
  async submit(
    @CallerProject() project: SandboxProject,
    @Req() request: FastifyRequest,
  ): Promise<Record<string, unknown>> {
    return this.api.submit(project, await readForm(request, project));
  }

  @Get()
  list(@CallerProject() project: SandboxProject, @Query() query: ListQueryParams): unknown[] {
    return this.api.list(project, query);
  }

  @Get('image')
  image(
    @CallerProject() project: SandboxProject,
    @Query() query: ListQueryParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): string {
    const { body, contentType } = this.api.image(project, query);
    void reply.header('content-type', contentType);
    return body;
  }

  @Delete()
  remove(@CallerProject() project: SandboxProject, @Query() query: ListQueryParams): { message: 'success' } {
    return this.api.remove(project, query);
  }
}

async function readForm(request: FastifyRequest, project: SandboxProject): Promise<MultipartForm> {
  try {
    return await readMultipartForm(request, project.bodyLimitBytes);
  } catch (error) {
    if (!(error instanceof MultipartFormError)) throw error;
    if (error.reason === 'too-large') throw argosErrors.tooLarge();
    throw argosErrors.detailed(
      'invalid_data_format',
      'The body must be multipart/form-data with submissionId and faceImage',
    );
  }
}
