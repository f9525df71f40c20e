import { NotificationEndpointService } from '@faceauth/notifications';
import { SubCommand } from 'nest-commander';
import { JsonFlag, JsonOutputCommand } from '../commands/json-output.base-command';
import { ServiceContextRunner } from '../context/service-context';
import { formatTable } from '../io/table.formatter';
import { endpointState, eventsLabel, toEndpointJson } from './notification-output';

@SubCommand({
  name: 'list',
  description:
    'List outbound webhook endpoints (never their secrets); a table, or JSON as the API shows them',
})
export class EndpointsListCommand extends JsonOutputCommand {
  constructor(private readonly context: ServiceContextRunner) {
    super();
  }

  async run(_params: string[], flags: JsonFlag): Promise<void> {
    const endpoints = (await this.context.run(({ app }) => app.get(NotificationEndpointService).list())).map(
      toEndpointJson,
    );
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(endpoints, null, 2)}\n`);
      return;
    }
    const rows = endpoints.map((e) => [
      e.id,
      e.url,
      eventsLabel(e.events),
      endpointState(e),
      String(e.consecutiveFailures),
      e.createdAt,
      e.description ?? '-',
    ]);
    process.stdout.write(
      formatTable(['ID', 'URL', 'EVENTS', 'STATUS', 'FAILURES', 'CREATED', 'DESCRIPTION'], rows),
    );
  }
}
