/** A configuration value is missing or wrong; the message names the setting. */
export class SandboxConfigError extends Error {
  override readonly name = 'SandboxConfigError';
}
