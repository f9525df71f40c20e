import { ArgosClientError } from '@faceauth/argos-client';
import { DomainError } from '@faceauth/core';
import { DecryptionError, EncryptionConfigError, QueryValidationError } from '@faceauth/encryption';
import { ConfigError } from '@faceauth/service';
import { CliOperationError } from './cli-operation.error';
import { CliUsageError } from './cli-usage.error';

/**
 * Turns any error into the single stderr line the CLI promises: no stack, no multi-line dumps.
 * Domain errors carry their code so scripts can tell failures apart.
 */
export function formatCliError(error: unknown): string {
  let text: string;
  if (
    error instanceof DecryptionError ||
    error instanceof EncryptionConfigError ||
    error instanceof QueryValidationError ||
    error instanceof DomainError ||
    error instanceof ArgosClientError
  ) {
    text = `${error.message} (${error.code})`;
  } else if (
    error instanceof CliUsageError ||
    error instanceof CliOperationError ||
    error instanceof ConfigError
  ) {
    text = error.message;
  } else if (error instanceof Error) {
    text = `unexpected ${error.name}: ${describe(error)}`;
  } else {
    text = `unexpected failure: ${String(error)}`;
  }
  return `error: ${toOneLine(text)}`;
}

/**
 * Driver errors can have an empty message: `pg` rejects an unreachable host with an AggregateError
 * (one ECONNREFUSED per address), which says nothing until its parts are read.
 */
function describe(error: Error): string {
  if (error.message) return error.message;
  if (error instanceof AggregateError && error.errors[0] instanceof Error) return describe(error.errors[0]);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : 'no details';
}

/** Collapses line breaks (commander appends suggestions on a new line, for instance). */
export function toOneLine(text: string): string {
  return text.trim().replace(/\s*[\r\n]+\s*/g, ' ');
}

/** Writes the error line and marks the process as failed without cutting pending output short. */
export function reportCliError(error: unknown): void {
  process.stderr.write(`${formatCliError(error)}\n`);
  process.exitCode = 1;
}
