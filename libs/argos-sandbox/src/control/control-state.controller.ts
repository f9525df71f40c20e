import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Header,
  NotFoundException,
  Param,
  Patch,
  Post,
  Req,
  StreamableFile,
  UsePipes,
  ValidationPipe,
} from '@nestjs/common';
import { QueryValidationError } from '@faceauth/encryption';
import type { FastifyRequest } from 'fastify';
import { toProjectInput } from '../config/project-config.input';
import { SandboxConfigError } from '../config/sandbox-config.error';
import { ProjectRegistry } from '../state/project.registry';
import { isSupportedImage } from '../state/sample-images';
import { SubmissionStore } from '../state/submission.store';
import { referenceImage, Submission } from '../state/submission.type';
import { BuildLinkDto } from './control-runtime.dto';
import { CreateSubmissionDto } from './control-submission.dto';
import { describeProject, describeSubmission } from './control.presenter';

/** Control API (no Argos key; loopback only by default): projects, submissions and links. */
@Controller('__sandbox')
@UsePipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true }))
export class ControlStateController {
  constructor(
    private readonly projects: ProjectRegistry,
    private readonly submissions: SubmissionStore,
  ) {}

  /** Where to start: the projects (their keys are public test values) and the submission ids. */
  @Get()
  overview(): Record<string, unknown> {
    return {
      projects: this.projects
        .list()
        .map((p) => ({ pid: p.pid, apiKey: p.apiKey, webhookUrl: p.webhookUrl ?? null })),
      submissions: this.submissions.list().map((s) => ({ id: s.id, status: s.status })),
      docs: 'apps/argos-sandbox/README.md',
    };
  }

  @Get('projects')
  listProjects(): unknown[] {
    return this.projects.list().map(describeProject);
  }

  /** Creates or patches a project; `null` clears `secretKey`, `webhookUrl` or `gcmLayout`. */
  @Patch('projects/:pid')
  patchProject(@Param('pid') pid: string, @Body() body: unknown): unknown {
    try {
      return describeProject(this.projects.upsert(pid, toProjectInput(body ?? {}, `projects[${pid}]`)));
    } catch (error) {
      if (error instanceof SandboxConfigError) throw new BadRequestException(error.message);
      throw error;
    }
  }

  @Get('submissions')
  listSubmissions(): unknown[] {
    return this.submissions.list().map(describeSubmission);
  }

  @Post('submissions')
  addSubmission(@Body() dto: CreateSubmissionDto): unknown {
    const selfie = dto.selfie !== undefined ? decodeImage(dto.selfie, 'selfie') : undefined;
    const portrait = dto.portrait !== undefined ? decodeImage(dto.portrait, 'portrait') : undefined;
    const submission: Omit<Submission, 'id'> & { id?: string } = { ...dto, selfie, portrait };
    if (dto.status === 'approved' && !referenceImage(submission as Submission)) {
      throw new BadRequestException('an approved submission needs a selfie or a portrait');
    }
    return describeSubmission(this.submissions.add(submission));
  }

  /** The raw reference image (selfie, else portrait), so tests can upload a matching face. */
  @Get('submissions/:id/reference-image')
  @Header('cache-control', 'no-store')
  referenceImage(@Param('id') id: string): StreamableFile {
    const submission = this.submissions.find(id);
    const image = submission && referenceImage(submission);
    if (!image) throw new NotFoundException(`submission ${id} has no reference image`);
    return new StreamableFile(image, {
      type: image[0] === 0xff ? 'image/jpeg' : 'image/png',
      length: image.length,
    });
  }

  /** Builds a Face Auth URL for this sandbox with the project's key, cipher and format. */
  @Post('links')
  buildLink(@Body() dto: BuildLinkDto, @Req() request: FastifyRequest): { url: string } {
    const { pid, lang, ...query } = dto;
    const project = pid ? this.projects.findByPid(pid) : this.projects.list()[0];
    if (!project) throw new NotFoundException(`unknown project ${pid}`);
    const base = `${request.protocol}://${request.headers.host ?? request.hostname}`;
    try {
      const encrypted = encodeURIComponent(project.codec.encryptQuery(query));
      const langPart = lang ? `&lang=${encodeURIComponent(lang)}` : '';
      return {
        url: `${base}/face-auth?pid=${encodeURIComponent(project.pid)}&encrypted=${encrypted}${langPart}`,
      };
    } catch (error) {
      if (error instanceof QueryValidationError) throw new BadRequestException(error.message);
      throw error;
    }
  }
}

function decodeImage(base64: string, field: string): Buffer {
  const bytes = Buffer.from(base64, 'base64');
  if (!isSupportedImage(bytes)) throw new BadRequestException(`${field} must be a base64 JPEG or PNG image`);
  return bytes;
}
