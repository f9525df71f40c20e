import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { databaseKind, FaceAuthMetrics, postgresPoolOf } from '@faceauth/core';
import { poolCountsOf, registerDatabasePoolGauges } from './database-pool.gauges';
import { PrometheusFaceAuthMetrics } from './prometheus.metrics';

/** Adds the PostgreSQL pool's gauges to the Prometheus registry; SQLite has no pool to report. */
@Injectable()
export class DatabasePoolMetrics implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly metrics: FaceAuthMetrics,
  ) {}

  onModuleInit(): void {
    if (!(this.metrics instanceof PrometheusFaceAuthMetrics)) return;
    if (databaseKind(this.dataSource) !== 'postgres') return;
    registerDatabasePoolGauges(this.metrics.registry, poolCountsOf(postgresPoolOf(this.dataSource)));
  }
}
