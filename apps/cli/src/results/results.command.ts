import { Command } from 'nest-commander';
import { CommandGroupCommand } from '../commands/command-group.base-command';
import { ResultsDeleteCommand } from './results-delete.command';
import { ResultsGetCommand } from './results-get.command';

@Command({
  name: 'results',
  description: 'Stored FaceAuth results: get (optionally refreshed from Argos), delete (at Argos and here)',
  subCommands: [ResultsGetCommand, ResultsDeleteCommand],
})
export class ResultsCommand extends CommandGroupCommand {
  constructor() {
    super('results', ['get', 'delete']);
  }
}
