import { ALL_SCOPES, InternalApiKeyService, isScope, Scope } from '@faceauth/admin-api';
import { Option, SubCommand } from 'nest-commander';
import { JsonFlag, JsonOutputCommand } from '../commands/json-output.base-command';
import { ServiceContextRunner } from '../context/service-context';
import { CliOperationError } from '../errors/cli-operation.error';
import { CliUsageError } from '../errors/cli-usage.error';
import { matching } from '../flags/cli-value.parser';
import { SAFE_NAME_PATTERN } from '@faceauth/core';

interface KeysCreateFlags extends JsonFlag {
  name: string;
  scope: Scope[];
}

// The rule of POST /v1/api-keys, so a key made here could have been made there.
const KEY_NAME = SAFE_NAME_PATTERN;

@SubCommand({
  name: 'create',
  description: 'Create an internal API key; prints the secret once, alone on stdout',
})
export class KeysCreateCommand extends JsonOutputCommand {
  constructor(private readonly context: ServiceContextRunner) {
    super();
  }

  @Option({
    flags: '--name <name>',
    description: 'key name, 1-64 characters of [A-Za-z0-9._-]',
    required: true,
  })
  parseName(value: string): string {
    return matching('--name', value, KEY_NAME, '1-64 characters of [A-Za-z0-9._-]');
  }

  @Option({
    flags: '--scope <scope>',
    description: `a scope the key holds; repeat for several (${ALL_SCOPES.join(', ')})`,
    required: true,
  })
  parseScope(value: string, previous: Scope[] = []): Scope[] {
    if (!isScope(value))
      throw new CliUsageError(`--scope must be one of ${ALL_SCOPES.join(', ')} (got "${value}")`);
    return previous.includes(value) ? previous : [...previous, value];
  }

  async run(_params: string[], flags: KeysCreateFlags): Promise<void> {
    const created = await this.context.run(async ({ app }) => {
      const keys = app.get(InternalApiKeyService);
      // Revocation accepts a name and revokes every active key holding it; refusing a second active key of
      // the same name keeps `keys revoke <name>` aimed at one key. (An operator's guard, not a constraint.)
      if ((await keys.list()).some((key) => key.name === flags.name && key.revokedAt === null)) {
        throw new CliOperationError(
          `an active key is already named "${flags.name}": revoke it or choose another name`,
        );
      }
      return keys.create(flags.name, flags.scope);
    });
    const { id, name, scopes, key } = created;
    this.print(flags, { id, name, scopes, key }, () => key);
    process.stderr.write(
      `Created key "${created.name}" (${created.id}) with scopes ${created.scopes.join(', ')}. ` +
        'The secret above is shown only now: store it.\n',
    );
  }
}
