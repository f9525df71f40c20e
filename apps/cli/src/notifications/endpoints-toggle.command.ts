import { NotificationEndpointService } from '@faceauth/notifications';
import { SubCommand } from 'nest-commander';
import { JsonFlag, JsonOutputCommand } from '../commands/json-output.base-command';
import { ServiceContextRunner } from '../context/service-context';
import { uuidArgument } from '../flags/cli-value.parser';
import { endpointState, toEndpointJson } from './notification-output';

/** `enable` and `disable`: PATCH {enabled}; the endpoint as the API shows it with --json. */
abstract class EndpointsToggleCommand extends JsonOutputCommand {
  protected constructor(
    private readonly context: ServiceContextRunner,
    private readonly enabled: boolean,
  ) {
    super();
  }

  async run([idArgument]: string[], flags: JsonFlag): Promise<void> {
    const id = uuidArgument('the endpoint id', idArgument);
    const endpoint = toEndpointJson(
      await this.context.run(({ app }) =>
        app.get(NotificationEndpointService).update(id, { enabled: this.enabled }),
      ),
    );
    this.print(flags, endpoint, () => `endpoint ${endpoint.id} ${endpointState(endpoint)}`);
  }
}

@SubCommand({
  name: 'enable',
  arguments: '<id>',
  argsDescription: { id: 'the endpoint id (endpoints list shows it)' },
  description:
    'Enable an endpoint (e.g. one disabled after a run of failures): its failure count restarts and waiting deliveries go out',
})
export class EndpointsEnableCommand extends EndpointsToggleCommand {
  constructor(context: ServiceContextRunner) {
    super(context, true);
  }
}

@SubCommand({
  name: 'disable',
  arguments: '<id>',
  argsDescription: { id: 'the endpoint id (endpoints list shows it)' },
  description: 'Disable an endpoint: nothing is sent to it until it is enabled again',
})
export class EndpointsDisableCommand extends EndpointsToggleCommand {
  constructor(context: ServiceContextRunner) {
    super(context, false);
  }
}
