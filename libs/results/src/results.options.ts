import { Inject } from '@nestjs/common';

export interface ResultsModuleOptions {
  /** Largest face image accepted for direct submission, in bytes (default 5 MiB). */
  maxImageBytes?: number;
}

export interface ResolvedResultsOptions {
  maxImageBytes: number;
}

export const RESULTS_OPTIONS = Symbol('faceauth:results-options');
export const InjectResultsOptions = (): ParameterDecorator => Inject(RESULTS_OPTIONS);

export function resolveResultsOptions(options: ResultsModuleOptions): ResolvedResultsOptions {
  const maxImageBytes = options.maxImageBytes ?? 5 * 1024 * 1024;
  if (!Number.isInteger(maxImageBytes) || maxImageBytes < 1024) {
    throw new Error('ResultsModule option maxImageBytes must be a whole number of bytes ≥ 1024');
  }
  return { maxImageBytes };
}
