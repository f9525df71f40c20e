import type { IncomingMessage } from 'node:http';
import { AdminController } from '../http/admin-controller.decorator';
import {
  Body,
  Delete,
  Get,
  Headers,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  UseInterceptors,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { LinkService, TokenErrorCode } from '@faceauth/token-policy';
import { InjectAdminApiOptions, ResolvedAdminApiOptions } from '../admin-api.options';
import { ApiErrors } from '../http/api-errors.decorator';
import { ApiKeyPrincipal } from '../auth/api-key-principal';
import { RequireScopes } from '../auth/auth.metadata';
import { Scope } from '../auth/scope.enum';
import { ErrorCodes } from '../errors/error-code';
import { RequestValidationError } from '../errors/request-validation.error';
import { CreateLinkDto, GetLinkQueryDto, LinkDto, LinkPageDto, ListLinksQueryDto } from './link.dto';
import { toLinkDto, toMintInput } from './link-dto.mapper';
import { LinkMetadataInterceptor } from './link-metadata.interceptor';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,255}$/;

const INVALID_QUERY = {
  status: 400,
  description:
    'VALIDATION_FAILED: a query parameter is invalid (named in the message); INVALID_CURSOR: a cursor this ' +
    'API did not return',
  codes: [ErrorCodes.VALIDATION_FAILED, ErrorCodes.INVALID_CURSOR],
};
const INVALID_ID = {
  status: 400,
  description: 'BAD_REQUEST: the id is not a UUID; VALIDATION_FAILED: a query parameter is invalid',
  codes: [ErrorCodes.BAD_REQUEST, ErrorCodes.VALIDATION_FAILED],
};
const LINK_NOT_FOUND = {
  status: 404,
  description: 'TOKEN_NOT_FOUND: no link has this id',
  codes: [TokenErrorCode.TOKEN_NOT_FOUND],
};

@ApiTags('links')
@AdminController('v1/links')
export class LinksController {
  constructor(
    private readonly links: LinkService,
    @InjectAdminApiOptions() private readonly options: ResolvedAdminApiOptions,
  ) {}

  /** Mints a unique, expiring FaceAuth link for one person. */
  @Post()
  @RequireScopes(Scope.LINKS_WRITE)
  @UseInterceptors(LinkMetadataInterceptor)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retrying with the same key returns the same link',
  })
  @ApiCreatedResponse({ type: LinkDto })
  @ApiErrors(
    {
      status: 400,
      description:
        'VALIDATION_FAILED: a field of the body or the Idempotency-Key header is invalid (named in the message); ' +
        'UNKNOWN_PROJECT: no such project is configured; INVALID_POLICY, INVALID_LINK_CONTEXT: the policy, ' +
        'client reference or metadata is beyond its limits; BAD_REQUEST: the body is not valid JSON',
      codes: [
        ErrorCodes.VALIDATION_FAILED,
        TokenErrorCode.UNKNOWN_PROJECT,
        TokenErrorCode.INVALID_POLICY,
        TokenErrorCode.INVALID_LINK_CONTEXT,
        ErrorCodes.BAD_REQUEST,
      ],
    },
    {
      status: 409,
      description:
        'TOKEN_TAKEN: this token id is already bound to another link; ' +
        'IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was used with a different body',
      codes: [TokenErrorCode.TOKEN_TAKEN, TokenErrorCode.IDEMPOTENCY_KEY_REUSED],
    },
    413,
    415,
    {
      status: 422,
      description:
        "POLICY_NOT_HONOURED: Argos would not honour this policy with the project's token expiration setting",
      codes: [TokenErrorCode.POLICY_NOT_HONOURED],
    },
    503,
  )
  async create(
    @Body() body: CreateLinkDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() request: { principal?: ApiKeyPrincipal },
  ): Promise<LinkDto> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new RequestValidationError(
        ['Idempotency-Key'],
        'Idempotency-Key must be 1-255 characters of [A-Za-z0-9._:-]',
      );
    }
    const view = await this.links.mint(toMintInput(body), {
      idempotencyKey,
      callerName: request.principal?.keyName,
    });
    return toLinkDto(view, this.options.publicBaseUrl);
  }

  /** Lists links, newest first. */
  @Get()
  @RequireScopes(Scope.LINKS_READ)
  @ApiOkResponse({ type: LinkPageDto })
  @ApiErrors(INVALID_QUERY, 503)
  async list(@Query() query: ListLinksQueryDto): Promise<LinkPageDto> {
    const page = await this.links.list(query);
    return {
      items: page.items.map((v) => toLinkDto(v, this.options.publicBaseUrl)),
      nextCursor: page.nextCursor,
    };
  }

  /** One link; with `wait`, answers once the link is decided or the wait is over (long poll). */
  @Get(':id')
  @RequireScopes(Scope.LINKS_READ)
  @ApiOkResponse({ type: LinkDto })
  @ApiErrors(INVALID_ID, LINK_NOT_FOUND, 503)
  async get(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: GetLinkQueryDto,
    @Req() request: { raw?: IncomingMessage },
  ): Promise<LinkDto> {
    const waitMs = (query.wait ?? 0) * 1000;
    if (waitMs === 0) return toLinkDto(await this.links.get(id), this.options.publicBaseUrl);
    // A client that goes away ends its wait (the socket closes; keep-alive sockets outlive requests, so
    // the listener is removed after).
    const gone = new AbortController();
    const socket = request.raw?.socket;
    const abort = (): void => gone.abort();
    socket?.once('close', abort);
    try {
      return toLinkDto(await this.links.get(id, waitMs, gone.signal), this.options.publicBaseUrl);
    } finally {
      socket?.off('close', abort);
    }
  }

  /** Revokes a link (idempotent): its short link answers 410 from now on. */
  @Delete(':id')
  @RequireScopes(Scope.LINKS_WRITE)
  @ApiOkResponse({ type: LinkDto })
  @ApiErrors(
    { status: 400, description: 'BAD_REQUEST: the id is not a UUID', codes: [ErrorCodes.BAD_REQUEST] },
    LINK_NOT_FOUND,
    503,
  )
  async revoke(@Param('id', new ParseUUIDPipe()) id: string): Promise<LinkDto> {
    return toLinkDto(await this.links.revoke(id), this.options.publicBaseUrl);
  }
}
