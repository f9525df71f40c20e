import { NotificationEndpointService } from '@faceauth/notifications';
import { SubCommand } from 'nest-commander';
import { ListBaseCommand, ListFlags } from '../commands/list.base-command';
import { ServiceContextRunner } from '../context/service-context';
import { uuidArgument } from '../flags/cli-value.parser';
import { DeliveryJson, toDeliveryJson } from './notification-output';

@SubCommand({
  name: 'list',
  arguments: '<endpoint-id>',
  argsDescription: { 'endpoint-id': 'the endpoint id (endpoints list shows it)' },
  description:
    "List an endpoint's deliveries, newest first; a table, or the page as JSON (as GET …/deliveries answers)",
})
export class DeliveriesListCommand extends ListBaseCommand {
  constructor(private readonly context: ServiceContextRunner) {
    super();
  }

  async run([idArgument]: string[], flags: ListFlags): Promise<void> {
    const endpointId = uuidArgument('the endpoint id', idArgument);
    const page = await this.context.run(async ({ app }) => {
      const found = await app.get(NotificationEndpointService).listDeliveries(endpointId, {
        limit: flags.limit,
        cursor: flags.cursor,
      });
      return { items: found.items.map(toDeliveryJson), nextCursor: found.nextCursor };
    });
    this.printPage<DeliveryJson>(
      page,
      flags,
      ['ID', 'EVENT', 'WEBHOOK-ID', 'STATUS', 'ATTEMPTS', 'LAST', 'CREATED'],
      (d) => [d.id, d.eventType, d.eventId, d.status, String(d.attempts), lastOutcome(d), d.createdAt],
    );
  }
}

/** The last attempt in a few characters: its HTTP status, or its error; `-` before any attempt. */
function lastOutcome(delivery: DeliveryJson): string {
  if (delivery.lastStatusCode !== null) return `HTTP ${delivery.lastStatusCode}`;
  if (delivery.lastError !== null) return delivery.lastError.replace(/\s+/g, ' ').slice(0, 60);
  return '-';
}
