import { NotificationEndpointService } from '@faceauth/notifications';
import { SubCommand } from 'nest-commander';
import { JsonFlag, JsonOutputCommand } from '../commands/json-output.base-command';
import { ServiceContextRunner } from '../context/service-context';
import { uuidArgument } from '../flags/cli-value.parser';
import { toDeliveryJson } from './notification-output';

@SubCommand({
  name: 'replay',
  arguments: '<delivery-id>',
  argsDescription: { 'delivery-id': 'the delivery id (deliveries list shows it)' },
  description:
    'Re-queue a delivered or failed delivery (same webhook-id and body, attempts reset); it does not send: the running service delivers it',
})
export class DeliveriesReplayCommand extends JsonOutputCommand {
  constructor(private readonly context: ServiceContextRunner) {
    super();
  }

  async run([idArgument]: string[], flags: JsonFlag): Promise<void> {
    const id = uuidArgument('the delivery id', idArgument);
    const { delivery, endpoint } = await this.context.run(async ({ app }) => {
      const endpoints = app.get(NotificationEndpointService);
      // The endpoint, from the delivery: the API's route names both, the operator only the delivery.
      const found = await endpoints.getDelivery(id);
      const replayed = await endpoints.replay(id);
      return { delivery: replayed, endpoint: await endpoints.get(found.endpointId) };
    });
    const printed = toDeliveryJson(delivery);
    const waiting = endpoint.enabled
      ? ''
      : `; the endpoint is disabled: it is sent once \`faceauth endpoints enable ${endpoint.id}\` runs`;
    this.print(
      flags,
      printed,
      () =>
        `delivery ${printed.id} (${printed.eventType}, webhook-id ${printed.eventId}) to ${endpoint.url} re-queued: ` +
        `the running service delivers it, this command does not send${waiting}`,
    );
  }
}
