import { ResultsService } from '@faceauth/results';
import { Option, SubCommand } from 'nest-commander';
import { JsonFlag, JsonOutputCommand } from '../commands/json-output.base-command';
import { ServiceContextRunner } from '../context/service-context';
import { authIdArgument } from './auth-id.argument';
import { toResultDto } from '@faceauth/admin-api';

interface ResultsGetFlags extends JsonFlag {
  refresh?: boolean;
}

@SubCommand({
  name: 'get',
  arguments: '<authId>',
  argsDescription: { authId: 'the Argos authentication id' },
  description: 'Print a stored result as JSON (as GET /v1/results/:authId does)',
})
export class ResultsGetCommand extends JsonOutputCommand {
  constructor(private readonly context: ServiceContextRunner) {
    super();
  }

  @Option({ flags: '--refresh', description: 'ask Argos first and store what it says now' })
  parseRefresh(): boolean {
    return true;
  }

  async run([authIdValue]: string[], flags: ResultsGetFlags): Promise<void> {
    const authId = authIdArgument(authIdValue);
    const result = await this.context.run(({ app }) =>
      app.get(ResultsService).get(authId, { refresh: flags.refresh }),
    );
    // JSON either way (as GET /v1/results/:authId answers): --json is accepted for uniformity.
    process.stdout.write(`${JSON.stringify(toResultDto(result), null, 2)}\n`);
  }
}
