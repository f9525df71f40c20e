import { AdminController } from '../http/admin-controller.decorator';
import { Delete, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ResultErrorCode } from '@faceauth/results';
import { LegalHoldService, LegalHoldView, RetentionErrorCode } from '@faceauth/retention';
import { RequireScopes } from '../auth/auth.metadata';
import { ApiErrors } from '../http/api-errors.decorator';
import { Scope } from '../auth/scope.enum';
import { ParseAuthIdPipe } from '../http/parse-auth-id.pipe';
import { LegalHoldDto } from './legal-hold.dto';

/** Legal holds: a held result is kept past its retention deadline until the hold is released. */
@ApiTags('results')
@RequireScopes(Scope.RESULTS_DELETE)
@ApiErrors(
  { status: 400, description: 'VALIDATION_FAILED: the authId is invalid' },
  {
    status: 404,
    description: 'Unknown authentication id (RESULT_NOT_FOUND)',
    codes: [ResultErrorCode.RESULT_NOT_FOUND],
  },
  503,
)
@AdminController('v1/results/:authId/legal-hold')
export class LegalHoldController {
  constructor(private readonly holds: LegalHoldService) {}

  /** Whether the result is held, and its retention deadline. */
  @Get()
  @ApiOkResponse({ type: LegalHoldDto })
  async get(@Param('authId', ParseAuthIdPipe) authId: string): Promise<LegalHoldDto> {
    return toDto(await this.holds.get(authId));
  }

  /** Places a hold (idempotent). Refused once the deletion has started or is done. */
  @Put()
  @ApiOkResponse({ type: LegalHoldDto })
  @ApiErrors({
    status: 409,
    description: 'RESULT_ALREADY_DELETED or RESULT_DELETION_IN_PROGRESS',
    codes: [RetentionErrorCode.RESULT_ALREADY_DELETED, RetentionErrorCode.RESULT_DELETION_IN_PROGRESS],
  })
  async hold(@Param('authId', ParseAuthIdPipe) authId: string): Promise<LegalHoldDto> {
    return toDto(await this.holds.hold(authId));
  }

  /** Releases the hold (idempotent); the result is deleted at the next run if its deadline has passed. */
  @Delete()
  @ApiOkResponse({ type: LegalHoldDto })
  async release(@Param('authId', ParseAuthIdPipe) authId: string): Promise<LegalHoldDto> {
    return toDto(await this.holds.release(authId));
  }
}

function toDto(view: LegalHoldView): LegalHoldDto {
  return {
    authId: view.authId,
    legalHold: view.legalHold,
    deadline: view.deadline.toISOString(),
    deleted: view.deleted,
  };
}
