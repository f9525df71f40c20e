import { Module } from '@nestjs/common';
import { cliConfigProvider } from '../cli.config';
import { CliInputReader } from '../io/cli-input.reader';
import { CodecOptionsResolver } from './codec-options.resolver';
import { DecryptCommand } from './decrypt.command';
import { EncryptCommand } from './encrypt.command';
import { UrlCommand } from './url.command';

/** `faceauth encrypt | decrypt | url`: the vendor Encryption Tool's job, offline, keyed from flag/file/env. */
@Module({
  providers: [
    cliConfigProvider,
    CliInputReader,
    CodecOptionsResolver,
    EncryptCommand,
    DecryptCommand,
    UrlCommand,
  ],
})
export class EncryptionCommandsModule {}
