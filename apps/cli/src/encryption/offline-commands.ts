import { Command } from 'commander';
import { CliConfig } from '../cli.config';
import { decryptCommand } from './decrypt.command';
import { encryptCommand } from './encrypt.command';
import { urlCommand } from './url.command';

/**
 * `faceauth encrypt | decrypt | url`: the vendor Encryption Tool's job, offline, keyed from flag/file/env.
 * Plain commander commands (no Nest), added to the offline program and to nest-commander's alike.
 */
export function addOfflineCommands(program: Command, config: CliConfig): void {
  for (const command of [encryptCommand(config), decryptCommand(config), urlCommand(config)])
    program.addCommand(command);
}
