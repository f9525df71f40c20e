import { InternalApiKeyService } from '@faceauth/admin-api';
import { SubCommand } from 'nest-commander';
import { JsonFlag, JsonOutputCommand } from '../commands/json-output.base-command';
import { ServiceContextRunner } from '../context/service-context';
import { CliOperationError } from '../errors/cli-operation.error';
import { CliUsageError } from '../errors/cli-usage.error';

@SubCommand({
  name: 'revoke',
  arguments: '<id-or-name>',
  argsDescription: { 'id-or-name': 'the key id, or its name (revokes every active key of that name)' },
  description: 'Revoke an internal API key (idempotent)',
})
export class KeysRevokeCommand extends JsonOutputCommand {
  constructor(private readonly context: ServiceContextRunner) {
    super();
  }

  async run([idOrName]: string[], flags: JsonFlag): Promise<void> {
    if (!idOrName) throw new CliUsageError('missing the key id or name');
    const outcome = await this.context.run(async ({ app, config }) => {
      const keys = app.get(InternalApiKeyService);
      const revoked = await keys.revoke(idOrName);
      const known =
        revoked > 0 || (await keys.list()).some((key) => key.id === idOrName || key.name === idOrName);
      return { revoked, known, refreshMs: config.auth.keyRefreshMs };
    });
    if (!outcome.known) throw new CliOperationError(`no API key has the id or name "${idOrName}"`);
    this.print(flags, { idOrName, revoked: outcome.revoked }, () =>
      outcome.revoked === 0
        ? `"${idOrName}" was already revoked`
        : `revoked ${outcome.revoked} key${outcome.revoked === 1 ? '' : 's'} matching "${idOrName}"`,
    );
    if (outcome.revoked === 0) return;
    // The API caches active keys; a revocation made by this process reaches running replicas on their next read.
    process.stderr.write(
      `Running API processes refuse it within ${outcome.refreshMs} ms (API_KEY_REFRESH_MS).\n`,
    );
  }
}
