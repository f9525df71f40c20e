/** A mistake in how the CLI was called (missing input, conflicting flags, unreadable key file). */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}
