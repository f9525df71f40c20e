import { Body, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  deliveryNotFound,
  NotificationEndpointService,
  NotificationErrorCode,
} from '@faceauth/notifications';
import { RequireScopes } from '../auth/auth.metadata';
import { ApiErrors } from '../http/api-errors.decorator';
import { Scope } from '../auth/scope.enum';
import { ErrorCodes } from '../errors/error-code';
import { AdminController } from '../http/admin-controller.decorator';
import {
  CreateNotificationEndpointDto,
  ListDeliveriesQueryDto,
  NotificationDeliveryDto,
  NotificationDeliveryPageDto,
  NotificationEndpointDto,
  NotificationEndpointWithSecretDto,
  UpdateNotificationEndpointDto,
} from './notification-endpoint.dto';
import {
  toCreateEndpointInput,
  toDeliveryDto,
  toEndpointDto,
  toEndpointWithSecretDto,
  toUpdateEndpointInput,
} from './notification-endpoint-dto.mapper';

/** A body field is invalid (or, with an `{id}`, the id is not a UUID). */
const INVALID_BODY = {
  status: 400,
  description:
    'A field is invalid, named in the message (VALIDATION_FAILED; INVALID_ENDPOINT, UNKNOWN_EVENT_TYPE); ' +
    'BAD_REQUEST: the body is not valid JSON, or the id is not a UUID',
  codes: [
    ErrorCodes.VALIDATION_FAILED,
    NotificationErrorCode.INVALID_ENDPOINT,
    NotificationErrorCode.UNKNOWN_EVENT_TYPE,
    ErrorCodes.BAD_REQUEST,
  ],
};
/** An `{id}` that is not a UUID. */
const INVALID_ID = {
  status: 400,
  description: 'BAD_REQUEST: the id is not a UUID',
  codes: [ErrorCodes.BAD_REQUEST],
};
const ENDPOINT_NOT_FOUND = {
  status: 404,
  description: 'No endpoint has this id (ENDPOINT_NOT_FOUND)',
  codes: [NotificationErrorCode.ENDPOINT_NOT_FOUND],
};

/**
 * Endpoints of the signed outbound webhooks (Standard Webhooks) and their deliveries. The signing secret is
 * in the create and rotate-secret answers only: never in another answer, and never logged.
 */
@ApiTags('notification-endpoints')
@RequireScopes(Scope.ADMIN)
@ApiErrors(503)
@AdminController('v1/notification-endpoints')
export class NotificationEndpointsController {
  constructor(private readonly endpoints: NotificationEndpointService) {}

  /** Registers an endpoint; its `whsec_` secret is in this answer only. */
  @Post()
  @ApiCreatedResponse({ type: NotificationEndpointWithSecretDto })
  @ApiErrors(INVALID_BODY, 413, 415)
  async create(@Body() body: CreateNotificationEndpointDto): Promise<NotificationEndpointWithSecretDto> {
    const created = await this.endpoints.create(toCreateEndpointInput(body, this.endpoints.eventTypes));
    return toEndpointWithSecretDto(created);
  }

  /** Lists the endpoints (never their secrets). */
  @Get()
  @ApiOkResponse({ type: NotificationEndpointDto, isArray: true })
  async list(): Promise<NotificationEndpointDto[]> {
    return (await this.endpoints.list()).map(toEndpointDto);
  }

  /** One endpoint (never its secret). */
  @Get(':id')
  @ApiOkResponse({ type: NotificationEndpointDto })
  @ApiErrors(INVALID_ID, ENDPOINT_NOT_FOUND)
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<NotificationEndpointDto> {
    return toEndpointDto(await this.endpoints.get(id));
  }

  /** Changes the fields sent; `enabled: true` re-enables an endpoint disabled after failures. */
  @Patch(':id')
  @ApiOkResponse({ type: NotificationEndpointDto })
  @ApiErrors(INVALID_BODY, ENDPOINT_NOT_FOUND, 413, 415)
  async update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateNotificationEndpointDto,
  ): Promise<NotificationEndpointDto> {
    const input = toUpdateEndpointInput(body, this.endpoints.eventTypes);
    return toEndpointDto(await this.endpoints.update(id, input));
  }

  /** Deletes the endpoint and every delivery of it: nothing more is sent to it. */
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiErrors(INVALID_ID, ENDPOINT_NOT_FOUND)
  async remove(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.endpoints.delete(id);
  }

  /**
   * A new secret, in this answer only. The previous one keeps signing (a second signature in
   * `webhook-signature`) until `previousSecretExpiresAt`, so receivers can switch without losing events.
   */
  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationEndpointWithSecretDto })
  @ApiErrors(INVALID_ID, ENDPOINT_NOT_FOUND, {
    status: 409,
    description: 'Rotated or deleted meanwhile; try again (CONCURRENT_ROTATION)',
    codes: [NotificationErrorCode.CONCURRENT_ROTATION],
  })
  async rotateSecret(
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<NotificationEndpointWithSecretDto> {
    return toEndpointWithSecretDto(await this.endpoints.rotateSecret(id));
  }

  /** The endpoint's deliveries, newest first. */
  @Get(':id/deliveries')
  @ApiOkResponse({ type: NotificationDeliveryPageDto })
  @ApiErrors(
    {
      status: 400,
      description:
        'VALIDATION_FAILED: a query parameter is invalid (named in the message); INVALID_CURSOR: a cursor this ' +
        'API did not return; BAD_REQUEST: the id is not a UUID',
      codes: [ErrorCodes.VALIDATION_FAILED, ErrorCodes.INVALID_CURSOR, ErrorCodes.BAD_REQUEST],
    },
    ENDPOINT_NOT_FOUND,
  )
  async deliveries(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: ListDeliveriesQueryDto,
  ): Promise<NotificationDeliveryPageDto> {
    const page = await this.endpoints.listDeliveries(id, { cursor: query.cursor, limit: query.limit });
    return { items: page.items.map(toDeliveryDto), nextCursor: page.nextCursor };
  }

  /**
   * Sends a delivered or failed delivery again (same `webhook-id` and body, a new series of attempts). A
   * delivery of a disabled endpoint waits until the endpoint is enabled again.
   */
  @Post(':id/deliveries/:deliveryId/replay')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: NotificationDeliveryDto })
  @ApiErrors(
    { ...INVALID_ID, description: 'BAD_REQUEST: an id is not a UUID' },
    {
      status: 404,
      description: 'No such endpoint (ENDPOINT_NOT_FOUND), or no such delivery of it (DELIVERY_NOT_FOUND)',
      codes: [NotificationErrorCode.ENDPOINT_NOT_FOUND, NotificationErrorCode.DELIVERY_NOT_FOUND],
    },
    {
      status: 409,
      description: 'The delivery is still pending or being delivered (DELIVERY_IN_PROGRESS)',
      codes: [NotificationErrorCode.DELIVERY_IN_PROGRESS],
    },
  )
  async replay(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('deliveryId', new ParseUUIDPipe()) deliveryId: string,
  ): Promise<NotificationDeliveryDto> {
    await this.endpoints.get(id);
    const delivery = await this.endpoints.getDelivery(deliveryId);
    if (delivery.endpointId !== id) {
      throw deliveryNotFound(deliveryId);
    }
    return toDeliveryDto(await this.endpoints.replay(deliveryId));
  }
}
