import { Command } from 'nest-commander';
import { CommandGroupCommand } from '../commands/command-group.base-command';
import { WebhooksReplayCommand } from './webhooks-replay.command';

@Command({
  name: 'webhooks',
  description: 'The webhook inbox: replay a row (e.g. a dead one, once its cause is fixed)',
  subCommands: [WebhooksReplayCommand],
})
export class WebhooksCommand extends CommandGroupCommand {
  constructor() {
    super('webhooks', ['replay']);
  }
}
