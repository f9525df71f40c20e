import { AdminController } from '../http/admin-controller.decorator';
import { Delete, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UserErasureService } from '@faceauth/retention';
import { RequireScopes } from '../auth/auth.metadata';
import { ApiErrors } from '../http/api-errors.decorator';
import { Scope } from '../auth/scope.enum';
import { ParseAuthUserIdPipe } from './parse-auth-user-id.pipe';
import { UserErasureDto } from './user-erasure.dto';

@ApiTags('results')
@AdminController('v1/users')
export class UserBiometricsController {
  constructor(private readonly erasure: UserErasureService) {}

  /**
   * "Forget this user": deletes every result of this `authUserId` (by the results' person fields or
   * through the person's links) at Argos and here, and revokes and erases their links, through the audited
   * cleanup machinery. `complete` only when nothing is left; `remaining` says what is and why. Idempotent.
   */
  @Delete(':authUserId/biometrics')
  @RequireScopes(Scope.RESULTS_DELETE)
  @ApiOkResponse({ type: UserErasureDto })
  @ApiErrors({ status: 400, description: 'VALIDATION_FAILED: the authUserId is invalid' }, 503)
  async forget(@Param('authUserId', ParseAuthUserIdPipe) authUserId: string): Promise<UserErasureDto> {
    return this.erasure.forget(authUserId);
  }
}
