import { CommandRunner, Option } from 'nest-commander';

/** The `--json` flag every command that prints a result takes. */
export interface JsonFlag {
  json?: boolean;
}

/** `--json` for a service command (nest-commander finds `@Option` methods along the prototype chain). */
export abstract class JsonOutputCommand extends CommandRunner {
  @Option({ flags: '--json', description: 'print the result as JSON instead of text' })
  parseJson(): boolean {
    return true;
  }

  /** The result as JSON with --json, otherwise its line of text. */
  protected print(flags: JsonFlag, value: unknown, text: () => string): void {
    process.stdout.write(flags.json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`);
  }
}
