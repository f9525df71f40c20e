import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ErrorEnvelope, Public } from '@faceauth/admin-api';
import { readinessFailure } from './readiness-failure';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  /** Liveness: the process answers. */
  @Get()
  @ApiOkResponse({ description: 'The process is alive' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the database answers a query. */
  @Get('ready')
  @HealthCheck()
  @ApiServiceUnavailableResponse({
    type: ErrorEnvelope,
    description: 'DATABASE_UNAVAILABLE with Retry-After and the state of each check',
  })
  async ready() {
    try {
      return await this.health.check([() => this.database.pingCheck('database', { timeout: 2_000 })]);
    } catch (error) {
      if (error instanceof ServiceUnavailableException) throw readinessFailure(error.getResponse());
      throw error;
    }
  }
}
