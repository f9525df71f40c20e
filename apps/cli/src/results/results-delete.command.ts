import { ResultsService } from '@faceauth/results';
import { toResultDto } from '@faceauth/admin-api';
import { SubCommand } from 'nest-commander';
import { JsonFlag, JsonOutputCommand } from '../commands/json-output.base-command';
import { ServiceContextRunner } from '../context/service-context';
import { authIdArgument } from './auth-id.argument';

@SubCommand({
  name: 'delete',
  arguments: '<authId>',
  argsDescription: { authId: 'the Argos authentication id' },
  description: 'Delete a result at Argos, then purge its personal fields here (id, status and time remain)',
})
export class ResultsDeleteCommand extends JsonOutputCommand {
  constructor(private readonly context: ServiceContextRunner) {
    super();
  }

  async run([authIdValue]: string[], flags: JsonFlag): Promise<void> {
    const authId = authIdArgument(authIdValue);
    const result = await this.context.run(({ app }) => app.get(ResultsService).delete(authId));
    this.print(
      flags,
      toResultDto(result),
      () =>
        `deleted ${result.authId} at Argos; personal fields purged here at ${result.purgedAt?.toISOString() ?? 'an unknown time'}`,
    );
  }
}
