import { PageQueryDto } from '../http/page-query.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { TOKEN_ID_PATTERN } from '@faceauth/encryption';
import {
  LINK_CONTEXT_LIMITS,
  LINK_OUTCOME_STATUSES,
  LinkMetadata,
  LinkOutcomeReason,
  LinkOutcomeStatus,
  TOKEN_STATUSES,
  TokenStatus,
} from '@faceauth/token-policy';
import { IsLinkMetadata } from './link-metadata.validator';

const { clientReferenceMaxLength, metadataMaxKeys, metadataKeyMaxLength, metadataValueMaxLength } =
  LINK_CONTEXT_LIMITS;

const CLIENT_REFERENCE_DOC = {
  type: String,
  minLength: 1,
  maxLength: clientReferenceMaxLength,
  description: `Your own reference for this link (e.g. an order or case id), 1-${clientReferenceMaxLength} characters; returned with the link and in every event about it, and filterable (GET /v1/links?clientReference=)`,
  example: 'order-2026-000123',
};

const METADATA_DOC = {
  type: 'object' as const,
  additionalProperties: { type: 'string' as const, maxLength: metadataValueMaxLength },
  maxProperties: metadataMaxKeys,
  description: `Your own context for this link, returned with it and in every event about it: at most ${metadataMaxKeys} keys of 1-${metadataKeyMaxLength} characters of A-Z a-z 0-9 _ . : - , string values of at most ${metadataValueMaxLength} characters`,
  example: { orderId: 'A-1001', channel: 'web' },
};

export class LinkPolicyDto {
  @ApiProperty({
    enum: ['count', 'time'],
    example: 'count',
    description: 'count: used up after maxUses results; time: windowSeconds after first use',
  })
  @IsIn(['count', 'time'], { message: 'policy.mode must be count or time' })
  mode!: 'count' | 'time';

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, example: 1, description: 'count mode only (default 1)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  maxUses?: number;

  @ApiPropertyOptional({ minimum: 1, example: 600, description: 'time mode only (required there)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  windowSeconds?: number;
}

export class CreateLinkDto {
  @ApiPropertyOptional({
    description: 'Configured FaceAuth project name (default project if omitted)',
    example: 'default',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'project must be a configured project name' })
  project?: string;

  @ApiProperty({ description: 'Approved ID Check submission id to compare against', example: 'sub_abc123' })
  @IsString()
  @Length(1, 256)
  sid!: string;

  @ApiPropertyOptional({ description: 'Your own id for this person', example: 'user-1' })
  @IsOptional()
  @IsString()
  @Length(1, 256)
  authUserId?: string;

  @ApiPropertyOptional({ example: 'custom-1' }) @IsOptional() @IsString() @MaxLength(512) authCf1?: string;
  @ApiPropertyOptional({ example: 'custom-2' }) @IsOptional() @IsString() @MaxLength(512) authCf2?: string;
  @ApiPropertyOptional({ example: 'custom-3' }) @IsOptional() @IsString() @MaxLength(512) authCf3?: string;

  @ApiPropertyOptional({ example: 'en', description: 'Language of the hosted page' })
  @IsOptional()
  @Matches(/^[a-z]{2}(-[A-Za-z]{2})?$/, { message: 'lang must be a language code such as en or ko' })
  lang?: string;

  @ApiPropertyOptional({
    description:
      "Your own token id for this link (the vendor's alphabet: 8-64 characters of A-Z a-z 0-9 . _ -, a letter " +
      'or digit at both ends); 409 TOKEN_TAKEN when another link has it. Default: 128 random bits',
    example: 'order-2026-000123',
  })
  @IsOptional()
  @Matches(TOKEN_ID_PATTERN, {
    message:
      'token must be 8-64 characters of A-Z, a-z, 0-9, dot, underscore or hyphen, starting and ending with a letter or digit',
  })
  token?: string;

  @ApiPropertyOptional({
    example: true,
    description:
      "False: the Face Auth URL carries no token (the sid-only URL), for a project whose Argos token expiration is off; only the short link then enforces the link's policy, and results cannot be tied to the link by Argos' webhook. Default true",
  })
  @IsOptional()
  @IsBoolean({ message: 'tokenInUrl must be true or false' })
  tokenInUrl?: boolean;

  @ApiPropertyOptional({
    type: LinkPolicyDto,
    // One use: honoured whatever the project's Argos token expiration (a time policy may exceed its window).
    example: { mode: 'count', maxUses: 1 },
    description:
      "Defaults to the project's Argos token setting; count mode takes maxUses, time mode windowSeconds (not both)",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => LinkPolicyDto)
  policy?: LinkPolicyDto;

  @ApiPropertyOptional({
    enum: ['result', 'open'],
    example: 'result',
    description: 'When a use is recorded (default result)',
  })
  @IsOptional()
  @IsIn(['result', 'open'])
  consumeOn?: 'result' | 'open';

  @ApiPropertyOptional({
    minimum: 1,
    example: 86400,
    description: 'Validity of the never-used link in seconds',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expiresInSeconds?: number;

  @ApiPropertyOptional(CLIENT_REFERENCE_DOC)
  @IsOptional()
  @IsString({ message: 'clientReference must be a string' })
  @Length(1, clientReferenceMaxLength, {
    message: `clientReference must be 1-${clientReferenceMaxLength} characters`,
  })
  clientReference?: string;

  // Also checked as sent, before the validation pipe can strip keys (see LinkMetadataInterceptor).
  @ApiPropertyOptional(METADATA_DOC)
  @IsOptional()
  @IsLinkMetadata()
  metadata?: LinkMetadata;
}

export class ListLinksQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 256) sid?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 256) authUserId?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Za-z0-9._-]{1,64}$/) project?: string;

  @ApiPropertyOptional({ ...CLIENT_REFERENCE_DOC, description: "Exact match on the link's clientReference" })
  @IsOptional()
  @IsString()
  @Length(1, clientReferenceMaxLength, {
    message: `clientReference must be 1-${clientReferenceMaxLength} characters`,
  })
  clientReference?: string;

  @ApiPropertyOptional({ enum: TOKEN_STATUSES })
  @IsOptional()
  @IsIn(TOKEN_STATUSES as TokenStatus[], { message: `status must be one of ${TOKEN_STATUSES.join(', ')}` })
  status?: TokenStatus;
}

const OUTCOME_REASONS: LinkOutcomeReason[] = ['result_rejected', 'link_expired', 'token_expired', 'revoked'];

export class LinkOutcomeDto {
  @ApiProperty({
    enum: LINK_OUTCOME_STATUSES,
    description:
      "`pending` until decided, once: `approved` (an approved result of the link's submission within its " +
      'policy), `rejected` (its last allowed use was rejected), `expired` (not completed in time), `revoked`',
  })
  status!: LinkOutcomeStatus;
  @ApiProperty({ nullable: true, type: String, description: 'The Argos authentication that decided it' })
  authId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt!: string | null;
  @ApiProperty({ nullable: true, enum: OUTCOME_REASONS, description: 'Null while pending and when approved' })
  reason!: LinkOutcomeReason | null;
}

/** The longest long poll, in seconds. */
export const MAX_LINK_WAIT_SECONDS = 60;

export class GetLinkQueryDto {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_LINK_WAIT_SECONDS,
    default: 0,
    description:
      'Long poll: answer as soon as the outcome leaves `pending`, or after this many seconds with the pending link',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'wait must be a whole number of seconds' })
  @Min(0, { message: `wait must be 0-${MAX_LINK_WAIT_SECONDS} seconds` })
  @Max(MAX_LINK_WAIT_SECONDS, { message: `wait must be 0-${MAX_LINK_WAIT_SECONDS} seconds` })
  wait?: number;
}

export class LinkDto {
  @ApiProperty() id!: string;
  @ApiProperty() project!: string;
  @ApiProperty({ description: 'Token id bound into the URL (unique per link)' }) token!: string;
  @ApiProperty({ description: 'Whether the URL carries the token' }) tokenInUrl!: boolean;
  @ApiProperty({ description: 'Encrypted Face Auth URL' }) url!: string;
  @ApiProperty({ description: 'Short link that checks the policy, then redirects' }) shortUrl!: string;
  @ApiProperty({ enum: TOKEN_STATUSES }) status!: TokenStatus;
  @ApiProperty({ type: LinkPolicyDto }) policy!: LinkPolicyDto;
  @ApiProperty({ enum: ['result', 'open'] }) consumeOn!: 'result' | 'open';
  @ApiProperty() useCount!: number;
  @ApiProperty() sid!: string;
  @ApiProperty({ nullable: true, type: String }) authUserId!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ description: 'Expiry of the never-used link' }) expiresAt!: string;
  @ApiProperty({ nullable: true, type: String }) firstUsedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) windowEndsAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedAt!: string | null;
  @ApiProperty({ ...CLIENT_REFERENCE_DOC, nullable: true }) clientReference!: string | null;
  @ApiProperty({ ...METADATA_DOC, description: `${METADATA_DOC.description}; {} when none` })
  metadata!: LinkMetadata;
  @ApiProperty({ type: LinkOutcomeDto, description: 'The verdict to act on' })
  outcome!: LinkOutcomeDto;
}

export class LinkPageDto {
  @ApiProperty({ type: LinkDto, isArray: true }) items!: LinkDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
