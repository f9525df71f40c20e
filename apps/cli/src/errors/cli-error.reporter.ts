import { DecryptionError, EncryptionConfigError, QueryValidationError } from '@faceauth/encryption';
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
    error instanceof QueryValidationError
  ) {
    text = `${error.message} (${error.code})`;
  } else if (error instanceof CliUsageError) {
    text = error.message;
  } else if (error instanceof Error) {
    text = `unexpected ${error.name}: ${error.message}`;
  } else {
    text = `unexpected failure: ${String(error)}`;
  }
  return `error: ${toOneLine(text)}`;
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
