import { DecryptionError, EncryptionConfigError, QueryValidationError } from '../encryption/encryption.plain';
import { CliOperationError } from './cli-operation.error';
import { CliUsageError } from './cli-usage.error';
import { ExitCode } from './exit-code';

/** How a failed run ends: the stderr text (none when commander already wrote it) and the exit status. */
export interface CliFailure {
  readonly text: string | null;
  readonly exitCode: ExitCode;
}

/** Commander's own errors (CommanderError, not imported so this stays a plain check): help, version, usage. */
function commanderFailure(error: unknown): CliFailure | undefined {
  if (!(error instanceof Error) || !('exitCode' in error) || !('code' in error)) return undefined;
  if (typeof error.code !== 'string' || !error.code.startsWith('commander.')) return undefined;
  // --help and --version end with exit code 0; any other commander error was a usage mistake, already printed.
  return { text: null, exitCode: error.exitCode === 0 ? ExitCode.OK : ExitCode.USAGE };
}

/**
 * The failures every command can meet, offline or not: commander's, the CLI's own and the encryption
 * library's. Nothing here loads Nest. Returns undefined for anything else.
 */
export function offlineFailure(error: unknown): CliFailure | undefined {
  const commander = commanderFailure(error);
  if (commander) return commander;
  if (error instanceof CliUsageError) return { text: error.message, exitCode: ExitCode.USAGE };
  if (error instanceof CliOperationError) return { text: error.message, exitCode: ExitCode.FAILURE };
  if (error instanceof EncryptionConfigError)
    return { text: `${error.message} (${error.code})`, exitCode: ExitCode.CONFIG };
  if (error instanceof DecryptionError || error instanceof QueryValidationError)
    return { text: `${error.message} (${error.code})`, exitCode: ExitCode.FAILURE };
  return undefined;
}

/** Anything no rule knows: named as unexpected, exit 1. */
export function unexpectedFailure(error: unknown): CliFailure {
  const text =
    error instanceof Error
      ? `unexpected ${error.name}: ${describeError(error)}`
      : `unexpected failure: ${String(error)}`;
  return { text, exitCode: ExitCode.FAILURE };
}

/**
 * Driver errors can have an empty message: `pg` rejects an unreachable host with an AggregateError
 * (one ECONNREFUSED per address), which says nothing until its parts are read.
 */
export function describeError(error: Error): string {
  if (error.message) return error.message;
  if (error instanceof AggregateError && error.errors[0] instanceof Error)
    return describeError(error.errors[0]);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : 'no details';
}

/** Collapses line breaks (commander appends suggestions on a new line, for instance). */
export function toOneLine(text: string): string {
  return text.trim().replace(/\s*[\r\n]+\s*/g, ' ');
}

/** The single stderr line the CLI promises: no stack, no multi-line dumps. */
export function formatFailure(failure: CliFailure): string | null {
  return failure.text === null ? null : `error: ${toOneLine(failure.text)}`;
}

/** Writes the error line and sets the exit status without cutting pending output short. */
export function reportFailure(failure: CliFailure): void {
  const line = formatFailure(failure);
  if (line !== null) process.stderr.write(`${line}\n`);
  process.exitCode = failure.exitCode;
}

/** The offline path's reporter: it knows no service error, and loads none. */
export function reportOfflineError(error: unknown): void {
  reportFailure(offlineFailure(error) ?? unexpectedFailure(error));
}
