import { LinkService } from '@faceauth/token-policy';
import { toLinkDto } from '@faceauth/admin-api';
import { SubCommand } from 'nest-commander';
import { JsonFlag, JsonOutputCommand } from '../commands/json-output.base-command';
import { ServiceContextRunner } from '../context/service-context';
import { uuidArgument } from '../flags/cli-value.parser';

@SubCommand({
  name: 'revoke',
  arguments: '<id>',
  argsDescription: { id: 'the link id (the "id" printed by links create)' },
  description: 'Revoke a link (idempotent): its short link answers 410 from now on',
})
export class LinksRevokeCommand extends JsonOutputCommand {
  constructor(private readonly context: ServiceContextRunner) {
    super();
  }

  async run([idArgument]: string[], flags: JsonFlag): Promise<void> {
    const id = uuidArgument('the link id', idArgument);
    const { view, link } = await this.context.run(async ({ app, config }) => {
      const revoked = await app.get(LinkService).revoke(id);
      return { view: revoked, link: toLinkDto(revoked, config.http.publicBaseUrl) };
    });
    // Neither the URL nor the token id: both still identify the person's link. Revocation wins over every
    // other status, so this reads "link <id> revoked at <time>" (the first revocation's time on a repeat).
    // With --json: the link as DELETE /v1/links/:id answers.
    this.print(
      flags,
      link,
      () => `link ${view.id} ${view.status} at ${view.revokedAt?.toISOString() ?? 'an unknown time'}`,
    );
  }
}
