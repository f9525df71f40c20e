import { PageQueryDto } from '../http/page-query.dto';
import { AdminController } from '../http/admin-controller.decorator';
import { Body, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CleanupReportService, CleanupService, RetentionErrorCode } from '@faceauth/retention';
import { RequireScopes } from '../auth/auth.metadata';
import { ApiErrors } from '../http/api-errors.decorator';
import { Scope } from '../auth/scope.enum';
import { ErrorCodes } from '../errors/error-code';
import {
  AuditPageDto,
  CleanupRunDto,
  CleanupRunPageDto,
  ListAuditQueryDto,
  OverdueQueryDto,
  OverdueReportDto,
  RetentionScheduleDto,
  RunCleanupDto,
} from './cleanup.dto';
import { toAuditDto, toOverdueDto, toRunDto, toSummaryDto } from './cleanup-dto.mapper';

/** A paged list's 400: a query parameter is invalid, or the cursor is not one of ours. */
const INVALID_PAGE_QUERY = {
  status: 400,
  description:
    'VALIDATION_FAILED: a query parameter is invalid (named in the message); INVALID_CURSOR: a cursor this API ' +
    'did not return',
  codes: [ErrorCodes.VALIDATION_FAILED, ErrorCodes.INVALID_CURSOR],
};

/** Operators' surface of the retention cleanup: run it, see its runs, what is overdue and the audit trail. */
@ApiTags('cleanup')
@RequireScopes(Scope.ADMIN)
@AdminController('v1/cleanup')
export class CleanupController {
  constructor(
    private readonly cleanup: CleanupService,
    private readonly reports: CleanupReportService,
  ) {}

  /** Runs the cleanup now (or, with `dryRun`, counts what it would do) and reports the outcome. */
  @Post('run')
  @HttpCode(200)
  @ApiOkResponse({ type: CleanupRunDto })
  @ApiErrors(
    {
      status: 400,
      description:
        'VALIDATION_FAILED: a field of the body is invalid (named in the message); BAD_REQUEST: the body is ' +
        'not valid JSON',
      codes: [ErrorCodes.VALIDATION_FAILED, ErrorCodes.BAD_REQUEST],
    },
    {
      status: 409,
      description: 'A run is in progress on another instance (CLEANUP_RUN_IN_PROGRESS)',
      codes: [RetentionErrorCode.CLEANUP_RUN_IN_PROGRESS],
    },
    413,
    415,
    503,
  )
  async run(@Body() body: RunCleanupDto = {}): Promise<CleanupRunDto> {
    return toSummaryDto(
      await this.cleanup.run({ trigger: 'api', dryRun: body.dryRun, retryFailed: body.retryFailed }),
    );
  }

  /** Recorded runs, newest first (scheduled ticks with nothing to do are not recorded). */
  @Get('runs')
  @ApiOkResponse({ type: CleanupRunPageDto })
  @ApiErrors(INVALID_PAGE_QUERY, 503)
  async runs(@Query() query: PageQueryDto): Promise<CleanupRunPageDto> {
    const page = await this.reports.listRuns(query);
    return { items: page.items.map(toRunDto), nextCursor: page.nextCursor };
  }

  /** What is past its retention right now; `results` must be 0 after a successful run. */
  @Get('overdue')
  @ApiOkResponse({ type: OverdueReportDto })
  @ApiErrors(400, 503)
  async overdue(@Query() query: OverdueQueryDto): Promise<OverdueReportDto> {
    return toOverdueDto(await this.reports.overdue(query.limit));
  }

  /** The audit trail of deletions, newest first: ids, actions, reasons, outcomes (never personal data). */
  @Get('audit')
  @ApiOkResponse({ type: AuditPageDto })
  @ApiErrors(INVALID_PAGE_QUERY, 503)
  async audit(@Query() query: ListAuditQueryDto): Promise<AuditPageDto> {
    const page = await this.reports.listAudit(query);
    return { items: page.items.map(toAuditDto), nextCursor: page.nextCursor };
  }

  /** The retention schedule in force, for a public retention notice. */
  @Get('policy')
  @ApiOkResponse({ type: RetentionScheduleDto })
  policy(): RetentionScheduleDto {
    return this.reports.schedule();
  }
}
