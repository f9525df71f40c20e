import { ArgosClientError, ArgosErrorCode } from '@faceauth/argos-client';
import { DomainError, DomainErrorKind } from '@faceauth/core';
import { DecryptionError, DecryptionErrorCode } from '@faceauth/encryption';
import { ConfigError } from '@faceauth/service';
import { formatFailure } from './cli-failure';
import { formatCliFailure } from './cli-error.reporter';
import { CliOperationError } from './cli-operation.error';
import { CliUsageError } from './cli-usage.error';
import { ExitCode } from './exit-code';

const argos = (code: ArgosErrorCode) =>
  new ArgosClientError({ code, operation: 'listResults', attempts: 1 }, `Argos said ${code}`);
const refused = (): Error =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
const commanderError = (exitCode: number, code: string) =>
  Object.assign(new Error('(outputHelp)'), { name: 'CommanderError', exitCode, code });

describe('formatCliFailure: one stderr line (or none) and the exit status', () => {
  it.each<[string, unknown, ExitCode, string | null]>([
    ['help shown', commanderError(0, 'commander.helpDisplayed'), ExitCode.OK, null],
    ['version shown', commanderError(0, 'commander.version'), ExitCode.OK, null],
    ['unknown option (already printed)', commanderError(1, 'commander.unknownOption'), ExitCode.USAGE, null],
    ['usage', new CliUsageError('missing the link id'), ExitCode.USAGE, 'error: missing the link id'],
    [
      'operation',
      new CliOperationError('replay failed\nagain'),
      ExitCode.FAILURE,
      'error: replay failed again',
    ],
    [
      'decryption',
      new DecryptionError(DecryptionErrorCode.BAD_CIPHERTEXT, 'cannot decrypt'),
      ExitCode.FAILURE,
      'error: cannot decrypt (BAD_CIPHERTEXT)',
    ],
    [
      'configuration',
      new ConfigError('DATABASE_URL', 'must be a URL'),
      ExitCode.CONFIG,
      'error: Invalid configuration: DATABASE_URL must be a URL',
    ],
    [
      'Argos unreachable',
      argos(ArgosErrorCode.UNAVAILABLE),
      ExitCode.UNAVAILABLE,
      'error: Argos said ARGOS_UNAVAILABLE (ARGOS_UNAVAILABLE)',
    ],
    [
      'Argos timing out',
      argos(ArgosErrorCode.TIMEOUT),
      ExitCode.UNAVAILABLE,
      'error: Argos said ARGOS_TIMEOUT (ARGOS_TIMEOUT)',
    ],
    [
      'Argos refusing our key',
      argos(ArgosErrorCode.INVALID_API_KEY),
      ExitCode.FAILURE,
      'error: Argos said ARGOS_INVALID_API_KEY (ARGOS_INVALID_API_KEY)',
    ],
    [
      'a domain error',
      new DomainError('TOKEN_NOT_FOUND', DomainErrorKind.NOT_FOUND, 'No such link'),
      ExitCode.FAILURE,
      'error: No such link (TOKEN_NOT_FOUND)',
    ],
    [
      'a domain error saying unavailable',
      new DomainError('ARGOS_DOWN', DomainErrorKind.UNAVAILABLE, 'Argos is down'),
      ExitCode.UNAVAILABLE,
      'error: Argos is down (ARGOS_DOWN)',
    ],
    [
      'the database refusing connections',
      refused(),
      ExitCode.UNAVAILABLE,
      'error: the database is unreachable: connect ECONNREFUSED 127.0.0.1:5432',
    ],
    [
      "pg's empty AggregateError",
      new AggregateError([refused(), refused()], ''),
      ExitCode.UNAVAILABLE,
      'error: the database is unreachable: connect ECONNREFUSED 127.0.0.1:5432',
    ],
    [
      'anything else',
      new TypeError('x is undefined'),
      ExitCode.FAILURE,
      'error: unexpected TypeError: x is undefined',
    ],
    ['a thrown string', 'boom', ExitCode.FAILURE, 'error: unexpected failure: boom'],
  ])('%s', (_label, error, exitCode, line) => {
    const failure = formatCliFailure(error);
    expect(failure.exitCode).toBe(exitCode);
    // null: commander already wrote its message, the reporter adds nothing.
    expect(formatFailure(failure)).toBe(line);
  });
});
