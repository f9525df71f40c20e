import { AdminController } from '../http/admin-controller.decorator';
import { Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FaceAuthMetrics } from '@faceauth/core';
import { RequireScopes } from '../auth/auth.metadata';
import { Scope } from '../auth/scope.enum';

interface TextReply {
  header(name: string, value: string): TextReply;
  send(body: string): unknown;
}

/** Prometheus scrape endpoint; needs a key with `metrics:read` (give the scraper its own key). */
@ApiTags('operations')
@RequireScopes(Scope.METRICS_READ)
@AdminController('metrics')
export class MetricsController {
  constructor(private readonly metrics: FaceAuthMetrics) {}

  /** The service's metrics in the Prometheus exposition format. */
  @Get()
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus exposition format' })
  async scrape(@Res() reply: TextReply): Promise<void> {
    const { contentType, body } = await this.metrics.render();
    reply.header('content-type', contentType).header('cache-control', 'no-store').send(body);
  }
}
