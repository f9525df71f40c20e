/** A setting is missing or malformed; the message names the setting and what is expected. */
export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    expected: string,
  ) {
    super(`Invalid configuration: ${setting} ${expected}`);
    this.name = 'ConfigError';
  }
}
