import { Command } from 'nest-commander';
import { CommandGroupCommand } from '../commands/command-group.base-command';
import { LinksCreateCommand } from './links-create.command';
import { LinksRevokeCommand } from './links-revoke.command';

@Command({
  name: 'links',
  description: 'FaceAuth links: create (prints the link, or only its URL), revoke',
  subCommands: [LinksCreateCommand, LinksRevokeCommand],
})
export class LinksCommand extends CommandGroupCommand {
  constructor() {
    super('links', ['create', 'revoke']);
  }
}
