import { Module } from '@nestjs/common';
import { cliConfigProvider } from '../cli.config';
import { ServiceContextRunner } from './service-context';

/** Shared by every command group that works on the service's database. */
@Module({
  providers: [cliConfigProvider, ServiceContextRunner],
  exports: [ServiceContextRunner],
})
export class ServiceContextModule {}
