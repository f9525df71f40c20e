import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { usePreparedStatements } from '@faceauth/core';
import { InjectFaceAuthOptions, ResolvedFaceAuthOptions } from '../options/faceauth-options.resolver';

/** Applies the module's database options to the host's DataSource before any request or job runs. */
@Injectable()
export class DatabaseSettingsApplier implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectFaceAuthOptions() private readonly options: ResolvedFaceAuthOptions,
  ) {}

  onModuleInit(): void {
    usePreparedStatements(this.dataSource, this.options.database?.preparedStatements ?? true);
  }
}
