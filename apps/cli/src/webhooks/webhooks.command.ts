import { Command } from 'nest-commander';
import { CommandGroupCommand } from '../commands/command-group.base-command';
import { WebhooksReplayCommand } from './webhooks-replay.command';
import { SERVICE_COMMANDS } from '../program/service-command.catalogue';

@Command({
  name: SERVICE_COMMANDS.webhooks.name,
  description: SERVICE_COMMANDS.webhooks.description,
  subCommands: [WebhooksReplayCommand],
})
export class WebhooksCommand extends CommandGroupCommand {
  constructor() {
    super('webhooks', ['replay']);
  }
}
