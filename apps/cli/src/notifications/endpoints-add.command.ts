import { NotificationEndpointService } from '@faceauth/notifications';
import { Option, SubCommand } from 'nest-commander';
import { JsonFlag, JsonOutputCommand } from '../commands/json-output.base-command';
import { ServiceContextRunner } from '../context/service-context';
import { description, endpointUrl, eventTypes } from './endpoint-input.parser';
import { eventsLabel, toEndpointWithSecretJson } from './notification-output';

interface EndpointsAddFlags extends JsonFlag {
  events?: string[];
  description?: string;
}

@SubCommand({
  name: 'add',
  arguments: '<url>',
  argsDescription: { url: 'where to POST the signed events (https in production)' },
  description:
    'Register an endpoint for signed outbound webhooks; prints its whsec_ secret once, alone on stdout (with --json: the endpoint and its secret)',
})
export class EndpointsAddCommand extends JsonOutputCommand {
  constructor(private readonly context: ServiceContextRunner) {
    super();
  }

  @Option({
    flags: '--events <types>',
    description: 'comma-separated event types to receive, e.g. faceauth.link.approved (default: all)',
  })
  parseEvents(value: string): string[] {
    return eventTypes(value);
  }

  @Option({ flags: '--description <text>', description: 'a note for operators, at most 200 characters' })
  parseDescription(value: string): string {
    return description(value);
  }

  async run([urlArgument]: string[], flags: EndpointsAddFlags): Promise<void> {
    const url = endpointUrl(urlArgument);
    const created = await this.context.run(({ app }) =>
      app.get(NotificationEndpointService).create({
        url,
        eventTypes: flags.events ?? null,
        description: flags.description ?? null,
      }),
    );
    const printed = toEndpointWithSecretJson(created);
    this.print(flags, printed, () => printed.secret);
    // Never the secret here: stderr may be logged.
    process.stderr.write(
      `Added endpoint ${printed.id} for ${printed.url} (${eventsLabel(printed.events)}). ` +
        'The secret above is shown only now: store it where the receiver verifies signatures.\n',
    );
  }
}
