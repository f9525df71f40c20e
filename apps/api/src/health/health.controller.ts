import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { ApiErrors, ErrorCodes, Public } from '@faceauth/admin-api';
import {
  ArgosBreakerIndicator,
  CleanupIndicator,
  FaceAuthDatabaseIndicator,
  WebhookInboxIndicator,
} from '@faceauth/module';
import { readinessFailure } from './readiness-failure';

const CHECK = {
  type: 'object',
  required: ['status'],
  properties: { status: { type: 'string', enum: ['up', 'down'] } },
  additionalProperties: true,
};

const READY_EXAMPLE = {
  database: { status: 'up', engine: 'postgres', responseTimeMs: 2 },
  argos: { status: 'up', projects: { default: 'closed' } },
  webhookInbox: {
    status: 'up',
    pending: 0,
    oldestPendingSeconds: null,
    maxOldestPendingSeconds: 900,
    maxPending: 10000,
  },
  cleanup: { status: 'up', overdue: 0, graceSeconds: 3600 },
};

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: FaceAuthDatabaseIndicator,
    private readonly argos: ArgosBreakerIndicator,
    private readonly inbox: WebhookInboxIndicator,
    private readonly cleanup: CleanupIndicator,
  ) {}

  /** Liveness: the process answers. */
  @Get()
  @ApiOkResponse({ description: 'The process is alive' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Readiness: the database answers `SELECT 1`, no project's Argos breaker is open, the webhook backlog is not
   * older than 15 minutes (nor over 10,000 rows), no result is overdue for cleanup by more than an hour.
   * The database goes first: while it is down the other checks (which query it) are not run.
   */
  @Get('ready')
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOkResponse({
    description: 'Every check is up; `details` holds what each one measured',
    schema: {
      type: 'object',
      required: ['status', 'info', 'error', 'details'],
      properties: {
        status: { type: 'string', enum: ['ok'] },
        info: { type: 'object', additionalProperties: CHECK },
        error: { type: 'object', additionalProperties: CHECK },
        details: { type: 'object', additionalProperties: CHECK },
      },
      example: { status: 'ok', info: READY_EXAMPLE, error: {}, details: READY_EXAMPLE },
    },
  })
  @ApiErrors({
    status: 503,
    codes: [ErrorCodes.DATABASE_UNAVAILABLE, ErrorCodes.NOT_READY],
    description:
      'With Retry-After. DATABASE_UNAVAILABLE: the database does not answer (`checks` holds the database only); ' +
      'NOT_READY: another check is down (`checks` holds every check with its detail: `argos.projects` names each ' +
      "project's breaker state, `webhookInbox` the backlog, `cleanup` the overdue results)",
  })
  async ready() {
    const database = await this.database.isHealthy('database', { timeoutMs: 2_000 });
    if (database.database.status !== 'up') throw readinessFailure({ details: database });
    try {
      return await this.health.check([
        async () => database,
        () => this.argos.isHealthy('argos'),
        () => this.inbox.isHealthy('webhookInbox'),
        () => this.cleanup.isHealthy('cleanup'),
      ]);
    } catch (error) {
      if (error instanceof ServiceUnavailableException) throw readinessFailure(error.getResponse());
      throw error;
    }
  }
}
