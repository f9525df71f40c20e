import { AdminController } from '../http/admin-controller.decorator';
import { Body, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequireScopes } from '../auth/auth.metadata';
import { ApiErrors } from '../http/api-errors.decorator';
import { InternalApiKeyEntity } from '../auth/internal-api-key.entity';
import { InternalApiKeyService } from '../auth/internal-api-key.service';
import { Scope } from '../auth/scope.enum';
import { ErrorCodes } from '../errors/error-code';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto } from './api-key.dto';

@ApiTags('api-keys')
@RequireScopes(Scope.ADMIN)
@AdminController('v1/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: InternalApiKeyService) {}

  /** Creates a key; its secret is in this answer only. */
  @Post()
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiErrors(
    {
      status: 400,
      description:
        'VALIDATION_FAILED: a field of the body is invalid (named in the message); INVALID_SCOPES: no scope; ' +
        'BAD_REQUEST: the body is not valid JSON',
      codes: [ErrorCodes.VALIDATION_FAILED, ErrorCodes.INVALID_SCOPES, ErrorCodes.BAD_REQUEST],
    },
    413,
    415,
    503,
  )
  create(@Body() body: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    return this.keys.create(body.name, body.scopes);
  }

  /** Lists keys (never their secrets). */
  @Get()
  @ApiOkResponse({ type: ApiKeyDto, isArray: true })
  @ApiErrors(503)
  async list(): Promise<ApiKeyDto[]> {
    return (await this.keys.list()).map(toDto);
  }

  /** Revokes a key at once for this process, within the refresh period for other replicas. Idempotent. */
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked, or already revoked, or unknown (idempotent: never 404)' })
  @ApiErrors(
    { status: 400, description: 'BAD_REQUEST: the id is not a UUID', codes: [ErrorCodes.BAD_REQUEST] },
    503,
  )
  async revoke(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.keys.revoke(id);
  }
}

function toDto(row: InternalApiKeyEntity): ApiKeyDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.keyPrefix,
    scopes: row.scopes as Scope[],
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt ? row.revokedAt.toISOString() : null,
  };
}
