import { Command } from 'nest-commander';
import { CommandGroupCommand } from '../commands/command-group.base-command';
import { KeysCreateCommand } from './keys-create.command';
import { KeysListCommand } from './keys-list.command';
import { KeysRevokeCommand } from './keys-revoke.command';
import { SERVICE_COMMANDS } from '../program/service-command.catalogue';

@Command({
  name: SERVICE_COMMANDS.keys.name,
  description: SERVICE_COMMANDS.keys.description,
  subCommands: [KeysCreateCommand, KeysListCommand, KeysRevokeCommand],
})
export class KeysCommand extends CommandGroupCommand {
  constructor() {
    super('keys', ['create', 'list', 'revoke']);
  }
}
