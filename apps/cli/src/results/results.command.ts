import { Command } from 'nest-commander';
import { CommandGroupCommand } from '../commands/command-group.base-command';
import { ResultsDeleteCommand } from './results-delete.command';
import { ResultsGetCommand } from './results-get.command';
import { ResultsListCommand } from './results-list.command';
import { SERVICE_COMMANDS } from '../program/service-command.catalogue';

@Command({
  name: SERVICE_COMMANDS.results.name,
  description: SERVICE_COMMANDS.results.description,
  subCommands: [ResultsListCommand, ResultsGetCommand, ResultsDeleteCommand],
})
export class ResultsCommand extends CommandGroupCommand {
  constructor() {
    super('results', ['list', 'get', 'delete']);
  }
}
