/**
 * A module option that its schema refuses. `option` is the option's path in the options object the module
 * was given (`retry.maxDelayMs`, `projects[1].pid`), so a composing module can say which of its own options
 * it came from; the message never quotes the value (options hold API keys).
 */
export class ModuleOptionsError extends Error {
  constructor(
    readonly module: string,
    readonly option: string,
    readonly rule: string,
  ) {
    super(`${module} option ${option} ${rule}`);
    this.name = 'ModuleOptionsError';
  }
}
