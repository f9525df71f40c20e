import { Injectable } from '@nestjs/common';
import { DecryptionError, FaceAuthQuery } from '@faceauth/encryption';
import { FaceAuthAttemptService } from '../attempts/faceauth-attempt.service';
import type { MultipartForm } from '../core/multipart-form.reader';
import type { AuthRecord } from '../state/auth-record.type';
import { ProjectRegistry, SandboxProject } from '../state/project.registry';
import { isSupportedImage } from '../state/sample-images';
import { SubmissionStore } from '../state/submission.store';
import { referenceImage, Submission } from '../state/submission.type';
import { HostedPageError, HostedPageErrorCode as Code } from './hosted-page.error';
import { TokenExpiryService } from './token-expiry.service';

/** The clear-text parameters of a Face Auth URL (or of the capture form that carries them on). */
export interface LinkParams {
  pid?: string;
  encrypted?: string;
  lang?: string;
}

/** A link that decrypted to an approved submission and a still usable token. */
export interface ResolvedLink {
  project: SandboxProject;
  query: FaceAuthQuery;
  submission: Submission;
  encrypted: string;
}

/** The hosted `face-auth` page's rules: decrypt, check the submission and the token, record. */
@Injectable()
export class HostedPageService {
  constructor(
    private readonly projects: ProjectRegistry,
    private readonly submissions: SubmissionStore,
    private readonly tokens: TokenExpiryService,
    private readonly attempts: FaceAuthAttemptService,
  ) {}

  /** Checks a link for display; throws `HostedPageError`. */
  open(params: LinkParams): ResolvedLink {
    const link = this.resolve(params);
    this.tokens.assertUsable(link.project, link.query.token);
    return link;
  }

  /** Records an attempt from the capture form (`action=reference` submits the reference image). */
  submit(params: LinkParams, form: MultipartForm): AuthRecord {
    const link = this.resolve(params);
    const image = form.fields.action === 'reference' ? referenceImage(link.submission) : form.files.faceImage;
    if (!image) throw new HostedPageError(Code.IMAGE_REQUIRED, 'no selfie was uploaded');
    if (!isSupportedImage(image))
      throw new HostedPageError(Code.INVALID_IMAGE, 'the selfie is not JPEG or PNG');
    const tokenExpired = this.tokens.consume(link.project, link.query.token);
    const q = link.query;
    return this.attempts.record({
      project: link.project,
      submission: link.submission,
      image,
      submitType: 'form',
      userId: q.authUserId,
      cf1: q.authCf1,
      cf2: q.authCf2,
      cf3: q.authCf3,
      tokenId: q.token,
      tokenExpired,
    });
  }

  private resolve(params: LinkParams): ResolvedLink {
    const { pid, encrypted } = params;
    if (!pid || !encrypted)
      throw new HostedPageError(Code.MISSING_PARAMETER, 'pid and encrypted are required');
    const project = this.projects.findByPid(pid);
    if (!project) throw new HostedPageError(Code.UNKNOWN_PROJECT, 'unknown pid');
    const query = decryptLink(project, encrypted);
    const submission = this.submissions.find(query.sid);
    if (!submission) throw new HostedPageError(Code.SUBMISSION_NOT_FOUND, 'unknown sid');
    if (submission.status !== 'approved' || !referenceImage(submission)) {
      throw new HostedPageError(Code.SUBMISSION_NOT_APPROVED, `submission is ${submission.status}`);
    }
    return { project, query, submission, encrypted };
  }
}

function decryptLink(project: SandboxProject, encrypted: string): FaceAuthQuery {
  try {
    return project.codec.decryptQuery(encrypted);
  } catch (error) {
    if (!(error instanceof DecryptionError)) throw error;
    throw new HostedPageError(Code.DECRYPTION_FAILED, error.code);
  }
}
