import { LinkService } from '@faceauth/token-policy';
import { CommandRunner, SubCommand } from 'nest-commander';
import { ServiceContextRunner } from '../context/service-context';
import { uuidArgument } from '../flags/cli-value.parser';

@SubCommand({
  name: 'revoke',
  arguments: '<id>',
  argsDescription: { id: 'the link id (the "id" printed by links create)' },
  description: 'Revoke a link (idempotent): its short link answers 410 from now on',
})
export class LinksRevokeCommand extends CommandRunner {
  constructor(private readonly context: ServiceContextRunner) {
    super();
  }

  async run([idArgument]: string[]): Promise<void> {
    const id = uuidArgument('the link id', idArgument);
    const view = await this.context.run(({ app }) => app.get(LinkService).revoke(id));
    // Neither the URL nor the token id: both still identify the person's link. Revocation wins over every
    // other status, so this reads "link <id> revoked at <time>" (the first revocation's time on a repeat).
    process.stdout.write(
      `link ${view.id} ${view.status} at ${view.revokedAt?.toISOString() ?? 'an unknown time'}\n`,
    );
  }
}
