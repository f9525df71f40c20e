import { Command } from 'nest-commander';
import { CommandGroupCommand } from '../commands/command-group.base-command';
import { KeysCreateCommand } from './keys-create.command';
import { KeysListCommand } from './keys-list.command';
import { KeysRevokeCommand } from './keys-revoke.command';

@Command({
  name: 'keys',
  description: 'Internal API keys with scopes: create (secret shown once), list, revoke',
  subCommands: [KeysCreateCommand, KeysListCommand, KeysRevokeCommand],
})
export class KeysCommand extends CommandGroupCommand {
  constructor() {
    super('keys', ['create', 'list', 'revoke']);
  }
}
