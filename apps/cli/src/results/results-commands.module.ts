import { Module } from '@nestjs/common';
import { ServiceContextModule } from '../context/service-context.module';
import { ResultsDeleteCommand } from './results-delete.command';
import { ResultsGetCommand } from './results-get.command';
import { ResultsListCommand } from './results-list.command';
import { ResultsCommand } from './results.command';

/** `faceauth results list | get | delete`: stored results, through the results lib (and Argos when asked). */
@Module({
  imports: [ServiceContextModule],
  providers: [ResultsCommand, ResultsListCommand, ResultsGetCommand, ResultsDeleteCommand],
})
export class ResultsCommandsModule {}
