import { InternalApiKeyEntity, InternalApiKeyService } from '@faceauth/admin-api';
import { SubCommand } from 'nest-commander';
import { JsonFlag, JsonOutputCommand } from '../commands/json-output.base-command';
import { ServiceContextRunner } from '../context/service-context';
import { formatTable } from '../io/table.formatter';

/** A key as listed: its prefix lets an operator recognise it, never use it. */
interface ListedKey {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  revokedAt: string | null;
}

@SubCommand({ name: 'list', description: 'List internal API keys (never their secrets)' })
export class KeysListCommand extends JsonOutputCommand {
  constructor(private readonly context: ServiceContextRunner) {
    super();
  }

  async run(_params: string[], flags: JsonFlag): Promise<void> {
    const keys = (await this.context.run(({ app }) => app.get(InternalApiKeyService).list())).map(
      toListedKey,
    );
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(keys, null, 2)}\n`);
      return;
    }
    const rows = keys.map((k) => [
      k.id,
      k.name,
      k.prefix,
      k.scopes.join(','),
      k.createdAt,
      k.revokedAt ? `revoked ${k.revokedAt}` : 'active',
    ]);
    process.stdout.write(formatTable(['ID', 'NAME', 'PREFIX', 'SCOPES', 'CREATED', 'STATUS'], rows));
  }
}

function toListedKey(row: InternalApiKeyEntity): ListedKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.keyPrefix,
    scopes: row.scopes,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
