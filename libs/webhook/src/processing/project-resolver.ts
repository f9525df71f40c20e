import { Injectable } from '@nestjs/common';
import {
  ArgosClientError,
  ArgosClientRegistry,
  ArgosErrorCode,
  FaceAuthRecord,
  InjectArgosClientRegistry,
} from '@faceauth/argos-client';
import { VerificationLookupService } from './verification-lookup.service';

export interface ResolvedProject {
  project: string;
  /** The record, when finding the project required fetching it. */
  record?: FaceAuthRecord;
}

/**
 * Every FaceAuth project reports to one webhook URL and the payload names none: the project is the only
 * one; failing that, the one that minted the token; failing that, the one whose API knows the id.
 */
@Injectable()
export class ProjectResolver {
  constructor(
    @InjectArgosClientRegistry() private readonly argos: ArgosClientRegistry,
    private readonly lookups: VerificationLookupService,
  ) {}

  /** `linkProject`: the project of the link the webhook's token names, when it names one of ours. */
  async resolve(authId: string, linkProject: string | null, known: string | null): Promise<ResolvedProject> {
    if (known) return { project: known };
    const names = this.argos.projectNames();
    if (names.length === 1) return { project: names[0] };
    if (linkProject) return { project: linkProject };
    let lastError: unknown;
    for (const project of names) {
      try {
        return { project, record: await this.lookups.getResult(project, authId) };
      } catch (error) {
        if (!(
          error instanceof ArgosClientError &&
          (error.code === ArgosErrorCode.NOT_FOUND || error.code === ArgosErrorCode.BAD_REQUEST)
        ))
          throw error;
        lastError = error;
      }
    }
    throw lastError ?? new Error('No FaceAuth project knows this authentication id');
  }
}
