import { Inject } from '@nestjs/common';
import { validateModuleOptions } from '@faceauth/core';
import { IsInt, Min } from 'class-validator';

const BYTES_RULE = { message: 'must be a whole number of bytes ≥ 1024' };

/** Options of the results module. */
export class ResultsOptionsSchema {
  /** Largest face image accepted for direct submission, in bytes (default 5 MiB). */
  @Min(1024, BYTES_RULE) @IsInt(BYTES_RULE) maxImageBytes = 5 * 1024 * 1024;
}

export type ResultsModuleOptions = Partial<ResultsOptionsSchema>;
export type ResolvedResultsOptions = ResultsOptionsSchema;

export const RESULTS_OPTIONS = Symbol('faceauth:results-options');
export const InjectResultsOptions = (): ParameterDecorator => Inject(RESULTS_OPTIONS);

/** Fills defaults and validates once at init; throws `ModuleOptionsError` naming the bad option. */
export const resolveResultsOptions = (options: ResultsModuleOptions): ResolvedResultsOptions =>
  validateModuleOptions('ResultsModule', ResultsOptionsSchema, options);
