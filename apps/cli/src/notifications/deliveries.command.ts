import { Command } from 'nest-commander';
import { CommandGroupCommand } from '../commands/command-group.base-command';
import { SERVICE_COMMANDS } from '../program/service-command.catalogue';
import { DeliveriesListCommand } from './deliveries-list.command';
import { DeliveriesReplayCommand } from './deliveries-replay.command';

@Command({
  name: SERVICE_COMMANDS.deliveries.name,
  description: SERVICE_COMMANDS.deliveries.description,
  subCommands: [DeliveriesListCommand, DeliveriesReplayCommand],
})
export class DeliveriesCommand extends CommandGroupCommand {
  constructor() {
    super('deliveries', ['list', 'replay']);
  }
}
