import { Module } from '@nestjs/common';
import { ServiceContextModule } from '../context/service-context.module';
import { KeysCreateCommand } from './keys-create.command';
import { KeysListCommand } from './keys-list.command';
import { KeysRevokeCommand } from './keys-revoke.command';
import { KeysCommand } from './keys.command';

/** `faceauth keys create | list | revoke`: the internal API keys held in the service's database. */
@Module({
  imports: [ServiceContextModule],
  providers: [KeysCommand, KeysCreateCommand, KeysListCommand, KeysRevokeCommand],
})
export class KeysCommandsModule {}
