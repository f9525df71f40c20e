import { Command } from 'nest-commander';
import { CommandGroupCommand } from '../commands/command-group.base-command';
import { LinksCreateCommand } from './links-create.command';
import { LinksListCommand } from './links-list.command';
import { LinksRevokeCommand } from './links-revoke.command';
import { SERVICE_COMMANDS } from '../program/service-command.catalogue';

@Command({
  name: SERVICE_COMMANDS.links.name,
  description: SERVICE_COMMANDS.links.description,
  subCommands: [LinksCreateCommand, LinksListCommand, LinksRevokeCommand],
})
export class LinksCommand extends CommandGroupCommand {
  constructor() {
    super('links', ['create', 'list', 'revoke']);
  }
}
