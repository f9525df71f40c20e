import { FaceAuthQuery } from '@faceauth/encryption';
import { Option } from 'nest-commander';
import { CodecBaseCommand } from './codec.base-command';
import { QueryFlags } from './codec-flags.interface';

/** Adds the FaceAuth query flags (sid, authUserId, authCf1..3, token) to the codec flags. */
export abstract class QueryFlagsBaseCommand extends CodecBaseCommand {
  @Option({ flags: '--sid <sid>', description: 'approved ID Check submission id' })
  parseSid(value: string): string {
    return value;
  }

  @Option({ flags: '--auth-user-id <id>', description: 'your own user id (authUserId)' })
  parseAuthUserId(value: string): string {
    return value;
  }

  @Option({ flags: '--cf1 <value>', description: 'custom field authCf1' })
  parseCf1(value: string): string {
    return value;
  }

  @Option({ flags: '--cf2 <value>', description: 'custom field authCf2' })
  parseCf2(value: string): string {
    return value;
  }

  @Option({ flags: '--cf3 <value>', description: 'custom field authCf3' })
  parseCf3(value: string): string {
    return value;
  }

  @Option({ flags: '--token <tokenId>', description: 'FaceAuth token id (8-64 of [A-Za-z0-9._-])' })
  parseToken(value: string): string {
    return value;
  }

  /** The query described by the flags; validation is left to the library so messages stay uniform. */
  protected queryFromFlags(flags: QueryFlags): FaceAuthQuery {
    return {
      sid: flags.sid ?? '',
      authUserId: flags.authUserId,
      authCf1: flags.cf1,
      authCf2: flags.cf2,
      authCf3: flags.cf3,
      token: flags.token,
    };
  }

  protected hasQueryFlags(flags: QueryFlags): boolean {
    return [flags.sid, flags.authUserId, flags.cf1, flags.cf2, flags.cf3, flags.token].some(
      (v) => v !== undefined,
    );
  }
}
