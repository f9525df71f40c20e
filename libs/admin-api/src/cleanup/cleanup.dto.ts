import { PageQueryDto } from '../http/page-query.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class RunCleanupDto {
  @ApiPropertyOptional({
    description: 'Count what a run would do; change nothing, call nobody',
    default: false,
    example: true,
  })
  @IsOptional()
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun?: boolean;

  @ApiPropertyOptional({
    description: 'Give deletions reported as failed a fresh retry period first',
    default: false,
    example: false,
  })
  @IsOptional()
  @IsBoolean({ message: 'retryFailed must be true or false' })
  retryFailed?: boolean;
}

export class CleanupCountsDto {
  @ApiProperty({ description: 'Results processed (dry run: due now)' }) due!: number;
  @ApiProperty({ description: 'Dry run: results past their deadline but under legal hold' }) held!: number;
  @ApiProperty({ description: 'Deleted at Argos (confirmed, or an earlier interrupted DELETE verified)' })
  argosDeleted!: number;
  @ApiProperty({ description: 'Argos no longer knew the record (counts as deleted)' }) alreadyGone!: number;
  @ApiProperty({ description: 'Personal fields purged locally' }) purged!: number;
  @ApiProperty({ description: 'Refused by Argos, retried later with backoff' }) retrying!: number;
  @ApiProperty({ description: 'Given up after the retry period: reported, see /v1/cleanup/overdue' })
  failed!: number;
  @ApiProperty({ description: 'Links deleted (dry run: that would be)' }) tokensDeleted!: number;
  @ApiProperty({ description: 'Webhook inbox rows deleted (dry run: that would be)' }) inboxDeleted!: number;
}

const OUTCOMES = ['running', 'completed', 'partial', 'interrupted', 'failed', 'skipped', 'idle'];
const TRIGGERS = ['schedule', 'api', 'cli', 'user_request'];

export class CleanupRunDto {
  @ApiProperty({ nullable: true, type: String, description: 'Null when nothing was recorded' }) id!:
    string | null;
  @ApiProperty({ enum: TRIGGERS }) trigger!: string;
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ enum: OUTCOMES }) outcome!: string;
  @ApiProperty() startedAt!: string;
  @ApiProperty({ nullable: true, type: String }) finishedAt!: string | null;
  @ApiProperty({ type: CleanupCountsDto }) counts!: CleanupCountsDto;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Results still overdue when the run ended',
  })
  overdue?: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) errorCode?: string | null;
}

export class CleanupRunPageDto {
  @ApiProperty({ type: CleanupRunDto, isArray: true }) items!: CleanupRunDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

const ACTIONS = ['argos_delete', 'local_purge', 'link_purge'] as const;
const AUDIT_OUTCOMES = ['deleted', 'already_gone', 'verified_deleted', 'done', 'failed'] as const;

export class ListAuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Authentication id (results) or link id' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{1,128}$/, { message: 'authId must be 1-128 characters of [A-Za-z0-9._:-]' })
  authId?: string;

  @ApiPropertyOptional({ enum: ACTIONS })
  @IsOptional()
  @IsIn(ACTIONS, { message: `action must be one of ${ACTIONS.join(', ')}` })
  action?: (typeof ACTIONS)[number];

  @ApiPropertyOptional({ enum: AUDIT_OUTCOMES })
  @IsOptional()
  @IsIn(AUDIT_OUTCOMES, { message: `outcome must be one of ${AUDIT_OUTCOMES.join(', ')}` })
  outcome?: (typeof AUDIT_OUTCOMES)[number];
}

export class AuditEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ nullable: true, type: String }) runId!: string | null;
  @ApiProperty({ enum: ['result', 'link'] }) subjectType!: string;
  @ApiProperty({ description: 'Authentication id (results) or link id' }) subjectId!: string;
  @ApiProperty({ nullable: true, type: String }) project!: string | null;
  @ApiProperty({ enum: ACTIONS }) action!: string;
  @ApiProperty({ enum: ['retention', 'user_request'] }) reason!: string;
  @ApiProperty({ enum: AUDIT_OUTCOMES }) outcome!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: String }) errorCode!: string | null;
  @ApiProperty() at!: string;
}

export class AuditPageDto {
  @ApiProperty({ type: AuditEntryDto, isArray: true }) items!: AuditEntryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class OverdueQueryDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 200,
    default: 50,
    description: 'How many of the oldest overdue results to list',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class OverdueResultDto {
  @ApiProperty() authId!: string;
  @ApiProperty() project!: string;
  @ApiProperty() deadline!: string;
  @ApiProperty({ enum: ['retention', 'user_request'] }) reason!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: String }) nextAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Set when the deletion was given up (reported)' })
  failedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Error code of the last refusal' }) lastError!:
    string | null;
  @ApiProperty() argosDeleted!: boolean;
  @ApiProperty() purged!: boolean;
}

export class OverdueReportDto {
  @ApiProperty({
    description: 'Results past their deadline, not held, not deleted: 0 after a successful run',
  })
  results!: number;
  @ApiProperty({ description: 'Of those, deletions given up after the retry period' }) failed!: number;
  @ApiProperty({ description: 'Links past their retention' }) tokens!: number;
  @ApiProperty({ description: 'Processed webhook inbox rows past their retention' }) inboxRows!: number;
  @ApiProperty({
    description:
      'Results kept here (not purged) whose person is unknown (no authUserId, no link): "forget this user" ' +
      'cannot find them; only the retention schedule deletes them',
  })
  unknownPerson!: number;
  @ApiProperty({ type: OverdueResultDto, isArray: true }) items!: OverdueResultDto[];
}

export class RetentionScheduleDto {
  @ApiProperty() resultRetentionDays!: number;
  @ApiProperty() tokenRetentionDays!: number;
  @ApiProperty() inboxRetentionDays!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Null when the scheduler is off in this instance',
  })
  cleanupIntervalSeconds!: number | null;
  @ApiProperty() retryPeriodHours!: number;
  @ApiProperty() argosCallsPerSecond!: number;
  @ApiProperty({ description: 'The schedule in words, for a public retention notice' }) statement!: string;
}
