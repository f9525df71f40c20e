import { Module } from '@nestjs/common';
import { ServiceContextModule } from '../context/service-context.module';
import { ResultsDeleteCommand } from './results-delete.command';
import { ResultsGetCommand } from './results-get.command';
import { ResultsCommand } from './results.command';

/** `faceauth results get | delete`: stored results, through the results lib (and Argos when asked). */
@Module({
  imports: [ServiceContextModule],
  providers: [ResultsCommand, ResultsGetCommand, ResultsDeleteCommand],
})
export class ResultsCommandsModule {}
