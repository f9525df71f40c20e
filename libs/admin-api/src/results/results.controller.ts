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
import {
  InjectResultsOptions,
  ResolvedResultsOptions,
  ResultErrorCode,
  ResultsService,
} from '@faceauth/results';
import { RequireScopes } from '../auth/auth.metadata';
import { Scope } from '../auth/scope.enum';
import { ApiArgosErrors, IMAGE_TOO_LARGE_ERROR } from '../errors/api-error-responses.decorator';
import { ARGOS_CODES_BY_STATUS, ErrorCodes } from '../errors/error-code';
import { ApiErrors } from '../http/api-errors.decorator';
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

/** The 400 of a route that reads one result: its `authId` is invalid, or Argos refused it before any call. */
const INVALID_AUTH_ID = {
  status: 400,
  description: 'VALIDATION_FAILED: the authId is invalid; ARGOS_INVALID_INPUT: refused before calling Argos',
  codes: [ErrorCodes.VALIDATION_FAILED, ...(ARGOS_CODES_BY_STATUS[400] ?? [])],
};

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
  @ApiErrors(
    {
      status: 400,
      description:
        'VALIDATION_FAILED: a form field is invalid or missing (named in the message); MALFORMED_MULTIPART: the ' +
        'body is not a readable multipart/form-data body; INVALID_IMAGE: faceImage is not a JPEG or PNG; ' +
        'UNKNOWN_PROJECT: no such project is configured; ARGOS_INVALID_INPUT: refused before calling Argos',
      codes: [
        ErrorCodes.VALIDATION_FAILED,
        ErrorCodes.MALFORMED_MULTIPART,
        ResultErrorCode.INVALID_IMAGE,
        ResultErrorCode.UNKNOWN_PROJECT,
        ...(ARGOS_CODES_BY_STATUS[400] ?? []),
      ],
    },
    IMAGE_TOO_LARGE_ERROR,
    415,
  )
  async submit(@Req() request: RawBodyRequest): Promise<ResultDto> {
    const submission = await readFaceAuthSubmission(request, this.options.maxImageBytes);
    return toResultDto(await this.results.submit(submission));
  }

  /** Stored results, newest first. */
  @Get('results')
  @RequireScopes(Scope.RESULTS_READ)
  @ApiOkResponse({ type: ResultPageDto })
  @ApiErrors({
    status: 400,
    description:
      'VALIDATION_FAILED: a query parameter is invalid (named in the message); INVALID_CURSOR: a cursor this API ' +
      'did not return; ARGOS_INVALID_INPUT: refused before calling Argos',
    codes: [ErrorCodes.VALIDATION_FAILED, ErrorCodes.INVALID_CURSOR, ...(ARGOS_CODES_BY_STATUS[400] ?? [])],
  })
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
  @ApiErrors(INVALID_AUTH_ID)
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
  @ApiErrors(INVALID_AUTH_ID)
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
  @ApiErrors(INVALID_AUTH_ID, {
    status: 409,
    description: 'RESULT_UNDER_LEGAL_HOLD: the result is under a legal hold; release it first',
    codes: [ResultErrorCode.RESULT_UNDER_LEGAL_HOLD],
  })
  async remove(@Param('authId', ParseAuthIdPipe) authId: string): Promise<ResultDto> {
    return toResultDto(await this.results.delete(authId));
  }
}
