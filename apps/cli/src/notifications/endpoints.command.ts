import { Command } from 'nest-commander';
import { CommandGroupCommand } from '../commands/command-group.base-command';
import { SERVICE_COMMANDS } from '../program/service-command.catalogue';
import { EndpointsAddCommand } from './endpoints-add.command';
import { EndpointsListCommand } from './endpoints-list.command';
import { EndpointsRemoveCommand } from './endpoints-remove.command';
import { EndpointsRotateCommand } from './endpoints-rotate.command';
import { EndpointsDisableCommand, EndpointsEnableCommand } from './endpoints-toggle.command';

@Command({
  name: SERVICE_COMMANDS.endpoints.name,
  description: SERVICE_COMMANDS.endpoints.description,
  subCommands: [
    EndpointsAddCommand,
    EndpointsListCommand,
    EndpointsRotateCommand,
    EndpointsRemoveCommand,
    EndpointsEnableCommand,
    EndpointsDisableCommand,
  ],
})
export class EndpointsCommand extends CommandGroupCommand {
  constructor() {
    super('endpoints', ['add', 'list', 'rotate', 'remove', 'enable', 'disable']);
  }
}
