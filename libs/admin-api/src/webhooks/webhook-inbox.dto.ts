import { PageQueryDto } from '../http/page-query.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { IsIn, IsOptional } from 'class-validator';

const STATUSES = ['pending', 'processing', 'done', 'dead', 'ignored', 'unverified'] as const;

export class ListInboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status?: (typeof STATUSES)[number];
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
