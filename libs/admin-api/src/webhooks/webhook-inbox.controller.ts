import { AdminController } from '../http/admin-controller.decorator';
import { Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Clock, decodeKeysetCursor, encodeKeysetCursor } from '@faceauth/core';
import {
  WebhookError,
  WebhookErrorCode,
  WebhookInboxEntity,
  WebhookInboxRepository,
  WebhookProcessor,
} from '@faceauth/webhook';
import { RequireScopes } from '../auth/auth.metadata';
import { ApiErrors } from '../http/api-errors.decorator';
import { Scope } from '../auth/scope.enum';
import { ErrorCodes } from '../errors/error-code';
import { InboxPageDto, InboxRowDto, ListInboxQueryDto } from './webhook-inbox.dto';

/** Operators' view of the webhook inbox (never the payloads: they hold personal fields). */
@ApiTags('webhooks')
@RequireScopes(Scope.ADMIN)
@AdminController('v1/webhooks/inbox')
export class WebhookInboxController {
  constructor(
    private readonly inbox: WebhookInboxRepository,
    private readonly processor: WebhookProcessor,
    private readonly clock: Clock,
  ) {}

  /** Received Argos notifications, newest first, by status. */
  @Get()
  @ApiOkResponse({ type: InboxPageDto })
  @ApiErrors(
    {
      status: 400,
      description:
        'VALIDATION_FAILED: a query parameter is invalid (named in the message); INVALID_CURSOR: a cursor this ' +
        'API did not return',
      codes: [ErrorCodes.VALIDATION_FAILED, ErrorCodes.INVALID_CURSOR],
    },
    503,
  )
  async list(@Query() query: ListInboxQueryDto): Promise<InboxPageDto> {
    const limit = query.limit ?? 50;
    const rows = await this.inbox.list({
      status: query.status,
      after: query.cursor ? decodeKeysetCursor(query.cursor) : undefined,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toDto),
      nextCursor: rows.length > limit && last ? encodeKeysetCursor(last.receivedAt, last.id) : null,
    };
  }

  /** Processes a row again from scratch (e.g. a dead one, after fixing the cause). */
  @Post(':id/replay')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: InboxRowDto })
  @ApiErrors(
    { status: 400, description: 'BAD_REQUEST: the id is not a UUID', codes: [ErrorCodes.BAD_REQUEST] },
    {
      status: 404,
      description: `${WebhookErrorCode.INBOX_ROW_NOT_FOUND}: no inbox row has this id`,
      codes: [WebhookErrorCode.INBOX_ROW_NOT_FOUND],
    },
    503,
  )
  async replay(@Param('id', new ParseUUIDPipe()) id: string): Promise<InboxRowDto> {
    if (!(await this.inbox.replay(id, this.clock.now()))) {
      throw new WebhookError(WebhookErrorCode.INBOX_ROW_NOT_FOUND, 'No inbox row has this id');
    }
    this.processor.kick();
    return toDto((await this.inbox.findById(id))!);
  }
}

function toDto(row: WebhookInboxEntity): InboxRowDto {
  return {
    id: row.id,
    trigger: row.trigger,
    status: row.status,
    authId: row.authId,
    project: row.project,
    source: row.source,
    attempts: row.attempts,
    lastError: row.lastError,
    receivedAt: row.receivedAt.toISOString(),
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    processedAt: row.processedAt?.toISOString() ?? null,
  };
}
