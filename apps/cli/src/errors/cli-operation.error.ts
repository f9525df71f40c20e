/** A well-formed command that could not be carried out (unknown id or name, a replay that failed again). */
export class CliOperationError extends Error {
  override readonly name = 'CliOperationError';
}
