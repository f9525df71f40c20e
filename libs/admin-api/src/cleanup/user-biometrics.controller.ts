import { AdminController } from '../http/admin-controller.decorator';
import { Delete, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UserErasureService } from '@faceauth/retention';
import { RequireScopes } from '../auth/auth.metadata';
import { Scope } from '../auth/scope.enum';
import { ParseAuthUserIdPipe } from './parse-auth-user-id.pipe';
import { UserErasureDto } from './user-erasure.dto';

@ApiTags('results')
@AdminController('v1/users')
export class UserBiometricsController {
  constructor(private readonly erasure: UserErasureService) {}

  /**
   * "Forget this user": deletes every result of this `authUserId` at Argos and here (legal holds aside),
   * and revokes their links, through the audited cleanup machinery. Idempotent.
   */
  @Delete(':authUserId/biometrics')
  @RequireScopes(Scope.RESULTS_DELETE)
  @ApiOkResponse({ type: UserErasureDto })
  async forget(@Param('authUserId', ParseAuthUserIdPipe) authUserId: string): Promise<UserErasureDto> {
    const report = await this.erasure.forget(authUserId);
    return { ...report, complete: report.pending === 0 };
  }
}
