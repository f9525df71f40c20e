import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  MaxLength,
  ValidateBy,
  ValidateIf,
  ValidationOptions,
} from 'class-validator';
import { PageQueryDto } from '../http/page-query.dto';

/** The longest target URL (the notifications library's own limit). */
export const MAX_ENDPOINT_URL_LENGTH = 2048;
/** The longest description. */
export const MAX_ENDPOINT_DESCRIPTION_LENGTH = 200;
/** More entries than any configuration has event types: a list beyond it is refused before the check. */
const MAX_EVENTS_LISTED = 100;

const DELIVERY_STATUSES = ['pending', 'delivering', 'delivered', 'failed'] as const;

const URL_MESSAGE = `url must be an absolute http(s) URL of at most ${MAX_ENDPOINT_URL_LENGTH} characters`;

/** An absolute `http:` or `https:` URL (what `new URL()` accepts), at most 2048 characters. */
function IsHttpUrl(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isHttpUrl',
      validator: {
        validate: (value: unknown): boolean => {
          if (typeof value !== 'string' || value.length === 0 || value.length > MAX_ENDPOINT_URL_LENGTH) {
            return false;
          }
          try {
            const { protocol } = new URL(value);
            return protocol === 'http:' || protocol === 'https:';
          } catch {
            return false;
          }
        },
        defaultMessage: () => URL_MESSAGE,
      },
    },
    options,
  );
}

const URL_DOC = {
  maxLength: MAX_ENDPOINT_URL_LENGTH,
  format: 'uri',
  example: 'https://hooks.example.com/faceauth',
  description:
    'Where the events are POSTed: an absolute http(s) URL, without credentials or fragment. In production only ' +
    'https to public addresses is delivered to (checked on the resolved address at each delivery); no redirect ' +
    'is followed',
};

const EVENTS_DOC = {
  type: String,
  isArray: true,
  nullable: true,
  example: ['faceauth.link.approved', 'faceauth.link.rejected'],
  description:
    'The event types to receive: a non-empty subset of the types this service emits (a 400 lists them). ' +
    'Absent or null: every type',
};

const DESCRIPTION_DOC = {
  type: String,
  nullable: true,
  maxLength: MAX_ENDPOINT_DESCRIPTION_LENGTH,
  example: 'CRM payment unlock',
};

export class CreateNotificationEndpointDto {
  @ApiProperty(URL_DOC)
  @IsHttpUrl()
  url!: string;

  @ApiPropertyOptional(EVENTS_DOC)
  @IsOptional()
  @IsArray({ message: 'events must be a list of event types' })
  @ArrayNotEmpty({ message: 'events must not be empty (omit it to receive every event type)' })
  @ArrayMaxSize(MAX_EVENTS_LISTED, { message: `events must list at most ${MAX_EVENTS_LISTED} types` })
  @IsString({ each: true, message: 'events must each be an event type name' })
  events?: string[] | null;

  @ApiPropertyOptional(DESCRIPTION_DOC)
  @IsOptional()
  @IsString({ message: 'description must be a string' })
  @MaxLength(MAX_ENDPOINT_DESCRIPTION_LENGTH, {
    message: `description must be at most ${MAX_ENDPOINT_DESCRIPTION_LENGTH} characters`,
  })
  description?: string | null;
}

/** Every field optional: an absent field is unchanged; `events: null` subscribes to every type. */
export class UpdateNotificationEndpointDto {
  @ApiPropertyOptional(URL_DOC)
  @ValidateIf((_, value) => value !== undefined)
  @IsHttpUrl()
  url?: string;

  @ApiPropertyOptional(EVENTS_DOC)
  @IsOptional()
  @IsArray({ message: 'events must be a list of event types' })
  @ArrayNotEmpty({ message: 'events must not be empty (null receives every event type)' })
  @ArrayMaxSize(MAX_EVENTS_LISTED, { message: `events must list at most ${MAX_EVENTS_LISTED} types` })
  @IsString({ each: true, message: 'events must each be an event type name' })
  events?: string[] | null;

  @ApiPropertyOptional({
    example: true,
    description:
      'False stops deliveries (they wait); true re-enables an endpoint, also one disabled after a run of ' +
      'failures, and resets its failure count',
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsBoolean({ message: 'enabled must be true or false' })
  enabled?: boolean;

  @ApiPropertyOptional({ ...DESCRIPTION_DOC, description: 'Null clears it' })
  @IsOptional()
  @IsString({ message: 'description must be a string' })
  @MaxLength(MAX_ENDPOINT_DESCRIPTION_LENGTH, {
    message: `description must be at most ${MAX_ENDPOINT_DESCRIPTION_LENGTH} characters`,
  })
  description?: string | null;
}

/** An endpoint as the API shows it: never its secret. */
export class NotificationEndpointDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uri' }) url!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: String, isArray: true, nullable: true, description: 'Null: every event type' })
  events!: string[] | null;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why the endpoint is disabled (by an administrator, or after a run of failed deliveries)',
  })
  disabledReason!: string | null;
  @ApiProperty({ description: 'Deliveries in a row that ended failed' }) consecutiveFailures!: number;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'After a rotation: until when the previous secret still signs (both signatures are sent); null otherwise',
  })
  previousSecretExpiresAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

/** The answer of create and rotate-secret: the only answers that carry the signing secret. */
export class NotificationEndpointWithSecretDto extends NotificationEndpointDto {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description:
      'The signing secret (Standard Webhooks `whsec_` + base64), shown in this answer only: store it now',
  })
  secret!: string;
}

export class ListDeliveriesQueryDto extends PageQueryDto {}

export class NotificationDeliveryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) endpointId!: string;
  @ApiProperty({ description: 'The `webhook-id` header: the same across retries and replays' })
  eventId!: string;
  @ApiProperty({ example: 'faceauth.link.approved' }) eventType!: string;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status!: (typeof DELIVERY_STATUSES)[number];
  @ApiProperty({ description: 'Attempts of the current series (a replay starts a new one)' })
  attempts!: number;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the next attempt is due (pending only)',
  })
  nextAttemptAt!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: "The receiver's last HTTP status" })
  lastStatusCode!: number | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "A short excerpt of the receiver's last answer (never more is stored)",
  })
  responseExcerpt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt!: string | null;
}

export class NotificationDeliveryPageDto {
  @ApiProperty({ type: NotificationDeliveryDto, isArray: true }) items!: NotificationDeliveryDto[];
  @ApiProperty({ type: String, nullable: true, description: 'For the next (older) page; null on the last' })
  nextCursor!: string | null;
}
