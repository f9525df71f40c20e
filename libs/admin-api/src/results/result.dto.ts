import { PageQueryDto } from '../http/page-query.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { IDENTITY_SOURCES, POLICY_VIOLATIONS, PolicyViolation } from '@faceauth/results';

export class SubmitFaceAuthDto {
  @ApiProperty({ description: 'Approved ID Check submission id', example: 'sub_abc123' })
  @IsString()
  @Length(1, 256)
  submissionId!: string;
  @ApiPropertyOptional({ example: 'default' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'project must be a configured project name' })
  project?: string;
  @ApiPropertyOptional({ example: 'user-1' }) @IsOptional() @IsString() @Length(1, 256) userId?: string;
  @ApiPropertyOptional({ example: 'custom-1' }) @IsOptional() @IsString() @MaxLength(512) cf1?: string;
  @ApiPropertyOptional({ example: 'custom-2' }) @IsOptional() @IsString() @MaxLength(512) cf2?: string;
  @ApiPropertyOptional({ example: 'custom-3' }) @IsOptional() @IsString() @MaxLength(512) cf3?: string;
}

/** The multipart form of `POST /v1/faceauth`, for the OpenAPI document. */
export class SubmitFaceAuthFormDto extends SubmitFaceAuthDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'JPEG or PNG selfie (960×720 recommended)' })
  faceImage!: unknown;
}

export class ListResultsQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 256) submissionId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 256) authUserId?: string;
  @ApiPropertyOptional({ description: 'Results reached through this link', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'linkId must be a link id (UUID)' })
  linkId?: string;
  @ApiPropertyOptional({ enum: ['approved', 'rejected', 'pending', 'unknown'] })
  @IsOptional()
  @IsIn(['approved', 'rejected', 'pending', 'unknown'], {
    message: 'status must be approved, rejected, pending or unknown',
  })
  status?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Za-z0-9._-]{1,64}$/) project?: string;
  @ApiPropertyOptional({ description: 'ISO-8601, inclusive' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
  @ApiPropertyOptional({ description: 'ISO-8601, exclusive' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class GetResultQueryDto {
  @ApiPropertyOptional({ description: 'Re-fetch from Argos first' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'refresh must be true or false' })
  refresh?: boolean;
}

export class ResultDto {
  @ApiProperty() authId!: string;
  @ApiProperty() project!: string;
  @ApiProperty({ enum: ['approved', 'rejected', 'pending', 'unknown'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) submissionId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The person (see identitySource)' })
  authUserId!: string | null;
  @ApiProperty({ nullable: true, type: String }) cf1!: string | null;
  @ApiProperty({ nullable: true, type: String }) cf2!: string | null;
  @ApiProperty({ nullable: true, type: String }) cf3!: string | null;
  @ApiProperty({ nullable: true, type: String }) tokenId!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The link the result came through',
  })
  linkId!: string | null;
  @ApiProperty({
    nullable: true,
    enum: IDENTITY_SOURCES,
    description:
      'Where authUserId, cf1..3, tokenId and linkId come from: `link` (our link, its token verified against ' +
      "the link's submission and project), `submission` (the fields of our direct submission) or `webhook` " +
      "(the webhook's unsigned fields: a hint). Null when nothing named the person (Argos' records do not).",
  })
  identitySource!: string | null;
  @ApiProperty({
    nullable: true,
    enum: POLICY_VIOLATIONS,
    description:
      'Why the result did not count for its link: it arrived after the link was `used`, `expired` or ' +
      "`revoked`, or it compares against another submission than the link's (`submission_mismatch`). Such " +
      "a result never changes the link's outcome. Null when it counted or came through no link.",
  })
  policyViolation!: PolicyViolation | null;
  @ApiProperty({ nullable: true, type: String }) submitType!: string | null;
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: { type: 'number' },
    description:
      "Scores as Argos sends them, on Argos' 0-100 scale (e.g. faceSimilarity 99.5): faceSimilarity, " +
      'occluded, faceCover, headCover, liveness, activeLiveness, when present',
  })
  scores!: Record<string, number> | null;
  @ApiProperty({ type: String, isArray: true }) failCodes!: string[];
  @ApiProperty({ type: String, isArray: true }) rejectComments!: string[];
  @ApiProperty() source!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ nullable: true, type: String }) purgedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) argosDeletedAt!: string | null;
  @ApiProperty() legalHold!: boolean;
}

export class ResultPageDto {
  @ApiProperty({ type: ResultDto, isArray: true }) items!: ResultDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
