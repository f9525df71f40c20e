import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { databaseKind, DatabaseKind } from '@faceauth/core';
import {
  DEFAULT_HEALTH_TIMEOUT_MS,
  FaceAuthHealthFailure,
  FaceAuthHealthResult,
  healthResult,
  measured,
} from './health-indicator-result';

export interface DatabaseHealthOptions {
  /** How long `SELECT 1` may take before the check is down (default 2,000 ms). */
  timeoutMs?: number;
}

export type DatabaseHealthDetails = { engine: DatabaseKind } & (
  { responseTimeMs: number } | FaceAuthHealthFailure
);

/** The module's DataSource answers `SELECT 1` in time. Details: the engine, and the response time or why not. */
@Injectable()
export class FaceAuthDatabaseIndicator {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async isHealthy<const Key extends string>(
    key: Key,
    options: DatabaseHealthOptions = {},
  ): Promise<FaceAuthHealthResult<Key, DatabaseHealthDetails>> {
    const engine = databaseKind(this.dataSource);
    const started = performance.now();
    const ping = await measured(
      () => this.dataSource.query('SELECT 1'),
      options.timeoutMs ?? DEFAULT_HEALTH_TIMEOUT_MS,
    );
    if (!('value' in ping)) return healthResult(key, false, { engine, reason: ping.reason });
    return healthResult(key, true, { engine, responseTimeMs: Math.round(performance.now() - started) });
  }
}
