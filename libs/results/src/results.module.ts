import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FaceAuthResultEntity } from './faceauth-result.entity';
import { ResultRepository } from './result.repository';
import { RESULTS_MODULE_OPTIONS, ResultsConfigurableModule } from './results.module-definition';
import { RESULTS_OPTIONS, ResultsModuleOptions, resolveResultsOptions } from './results.options';
import { ResultsService } from './results.service';

/**
 * Stored FaceAuth results. Needs, from the host: a DataSource holding {@link FaceAuthResultEntity}, a
 * `Clock`, and the `ArgosClientRegistry` (ArgosClientModule).
 */
@Module({
  imports: [TypeOrmModule.forFeature([FaceAuthResultEntity])],
  providers: [
    {
      provide: RESULTS_OPTIONS,
      useFactory: (o: ResultsModuleOptions) => resolveResultsOptions(o),
      inject: [RESULTS_MODULE_OPTIONS],
    },
    ResultRepository,
    ResultsService,
  ],
  exports: [ResultRepository, ResultsService, RESULTS_OPTIONS],
})
export class ResultsModule extends ResultsConfigurableModule {}
