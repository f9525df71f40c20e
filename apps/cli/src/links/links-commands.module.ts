import { Module } from '@nestjs/common';
import { ServiceContextModule } from '../context/service-context.module';
import { LinksCreateCommand } from './links-create.command';
import { LinksListCommand } from './links-list.command';
import { LinksRevokeCommand } from './links-revoke.command';
import { LinksCommand } from './links.command';

/** `faceauth links create | list | revoke`: the token-policy lib's links, on the service's database. */
@Module({
  imports: [ServiceContextModule],
  providers: [LinksCommand, LinksCreateCommand, LinksListCommand, LinksRevokeCommand],
})
export class LinksCommandsModule {}
