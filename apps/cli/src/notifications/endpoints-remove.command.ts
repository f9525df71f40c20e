import { NotificationEndpointService } from '@faceauth/notifications';
import { SubCommand } from 'nest-commander';
import { JsonFlag, JsonOutputCommand } from '../commands/json-output.base-command';
import { ServiceContextRunner } from '../context/service-context';
import { uuidArgument } from '../flags/cli-value.parser';

@SubCommand({
  name: 'remove',
  arguments: '<id>',
  argsDescription: { id: 'the endpoint id (endpoints list shows it)' },
  description: 'Delete an endpoint and every delivery of it; nothing more is sent to it',
})
export class EndpointsRemoveCommand extends JsonOutputCommand {
  constructor(private readonly context: ServiceContextRunner) {
    super();
  }

  async run([idArgument]: string[], flags: JsonFlag): Promise<void> {
    const id = uuidArgument('the endpoint id', idArgument);
    await this.context.run(({ app }) => app.get(NotificationEndpointService).delete(id));
    this.print(flags, { id, removed: true }, () => `endpoint ${id} removed, with its deliveries`);
  }
}
