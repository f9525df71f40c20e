import { NotificationEndpointService } from '@faceauth/notifications';
import { SubCommand } from 'nest-commander';
import { JsonFlag, JsonOutputCommand } from '../commands/json-output.base-command';
import { ServiceContextRunner } from '../context/service-context';
import { uuidArgument } from '../flags/cli-value.parser';
import { toEndpointWithSecretJson } from './notification-output';

@SubCommand({
  name: 'rotate',
  arguments: '<id>',
  argsDescription: { id: 'the endpoint id (endpoints list shows it)' },
  description:
    'Give an endpoint a new secret, printed once alone on stdout; the previous one still signs during the overlap',
})
export class EndpointsRotateCommand extends JsonOutputCommand {
  constructor(private readonly context: ServiceContextRunner) {
    super();
  }

  async run([idArgument]: string[], flags: JsonFlag): Promise<void> {
    const id = uuidArgument('the endpoint id', idArgument);
    const rotated = await this.context.run(({ app }) =>
      app.get(NotificationEndpointService).rotateSecret(id),
    );
    const printed = toEndpointWithSecretJson(rotated);
    this.print(flags, printed, () => printed.secret);
    const overlap = printed.previousSecretExpiresAt
      ? `the previous secret still signs (a second signature) until ${printed.previousSecretExpiresAt}`
      : 'the previous secret no longer signs';
    process.stderr.write(
      `Rotated the secret of endpoint ${printed.id}: ${overlap}. ` +
        'The secret above is shown only now: store it where the receiver verifies signatures.\n',
    );
  }
}
