import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

const STATUSES = ['pending', 'processing', 'done', 'dead', 'ignored'] as const;

export class ListInboxQueryDto {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status?: (typeof STATUSES)[number];

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class InboxRowDto {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'faceAuth, token_expired, or an unknown trigger (stored, not processed)' })
  trigger!: string;
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty({ nullable: true, type: String }) authId!: string | null;
  @ApiProperty({ nullable: true, type: String }) project!: string | null;
  @ApiProperty({ description: 'webhook or reconcile' }) source!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty() receivedAt!: string;
  @ApiProperty() nextAttemptAt!: string;
  @ApiProperty({ nullable: true, type: String }) processedAt!: string | null;
}

export class InboxPageDto {
  @ApiProperty({ type: InboxRowDto, isArray: true }) items!: InboxRowDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
