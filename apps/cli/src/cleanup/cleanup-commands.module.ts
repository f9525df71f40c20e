import { Module } from '@nestjs/common';
import { ServiceContextModule } from '../context/service-context.module';
import { CleanupCommand } from './cleanup.command';

/** `faceauth cleanup [--dry-run]`: the retention lib's cleanup run, under its cross-instance lock. */
@Module({
  imports: [ServiceContextModule],
  providers: [CleanupCommand],
})
export class CleanupCommandsModule {}
