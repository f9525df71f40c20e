import { AdminController } from '../http/admin-controller.decorator';
import { Delete, Get, Param, Post, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { InjectResultsOptions, ResolvedResultsOptions, ResultsService } from '@faceauth/results';
import { RequireScopes } from '../auth/auth.metadata';
import { Scope } from '../auth/scope.enum';
import { ApiArgosErrors } from '../errors/api-error-responses.decorator';
import { ParseAuthIdPipe } from '../http/parse-auth-id.pipe';
import { ArgosErrorInterceptor } from '../http/argos-error.interceptor';
import { RawBodyRequest } from './multipart-form.parser';
import { readFaceAuthSubmission } from './multipart-submission.reader';
import {
  GetResultQueryDto,
  ListResultsQueryDto,
  ResultDto,
  ResultPageDto,
  SubmitFaceAuthFormDto,
} from './result.dto';
import { toResultDto } from './result-dto.mapper';

interface ImageReply {
  header(name: string, value: string): ImageReply;
  send(body: Buffer): unknown;
}

@ApiTags('results')
@UseInterceptors(ArgosErrorInterceptor)
@ApiArgosErrors()
@AdminController('v1')
export class ResultsController {
  constructor(
    private readonly results: ResultsService,
    @InjectResultsOptions() private readonly options: ResolvedResultsOptions,
  ) {}

  /** Sends a selfie to Argos for comparison with an approved submission, and stores the result. */
  @Post('faceauth')
  @RequireScopes(Scope.RESULTS_WRITE)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: SubmitFaceAuthFormDto })
  @ApiCreatedResponse({ type: ResultDto })
  async submit(@Req() request: RawBodyRequest): Promise<ResultDto> {
    const submission = await readFaceAuthSubmission(request, this.options.maxImageBytes);
    return toResultDto(await this.results.submit(submission));
  }

  /** Stored results, newest first. */
  @Get('results')
  @RequireScopes(Scope.RESULTS_READ)
  @ApiOkResponse({ type: ResultPageDto })
  async list(@Query() query: ListResultsQueryDto): Promise<ResultPageDto> {
    const page = await this.results.list({
      ...query,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
    });
    return { items: page.items.map(toResultDto), nextCursor: page.nextCursor };
  }

  /** One stored result; with `refresh`, read again from Argos first. */
  @Get('results/:authId')
  @RequireScopes(Scope.RESULTS_READ)
  @ApiOkResponse({ type: ResultDto })
  async get(
    @Param('authId', ParseAuthIdPipe) authId: string,
    @Query() query: GetResultQueryDto,
  ): Promise<ResultDto> {
    return toResultDto(await this.results.get(authId, { refresh: query.refresh }));
  }

  /** The selfie, proxied from Argos; never cached. */
  @Get('results/:authId/image')
  @RequireScopes(Scope.RESULTS_READ)
  @ApiProduces('image/jpeg', 'image/png')
  @ApiOkResponse({
    description: 'The image, in the type Argos stored',
    content: {
      'image/jpeg': { schema: { type: 'string', format: 'binary' } },
      'image/png': { schema: { type: 'string', format: 'binary' } },
    },
  })
  async image(
    @Param('authId', ParseAuthIdPipe) authId: string,
    @Res({ passthrough: false }) reply: ImageReply,
  ): Promise<void> {
    const image = await this.results.image(authId);
    reply.header('content-type', image.mimeType).header('cache-control', 'no-store').send(image.data);
  }

  /** Deletes at Argos and purges our copy of personal fields (id, status and time remain). */
  @Delete('results/:authId')
  @RequireScopes(Scope.RESULTS_DELETE)
  @ApiOkResponse({ type: ResultDto })
  async remove(@Param('authId', ParseAuthIdPipe) authId: string): Promise<ResultDto> {
    return toResultDto(await this.results.delete(authId));
  }
}
