import { Injectable } from '@nestjs/common';
import { FaceAuthAttemptService } from '../attempts/faceauth-attempt.service';
import type { MultipartForm } from '../core/multipart-form.reader';
import { AuthRecordStore } from '../state/auth-record.store';
import type { SandboxProject } from '../state/project.registry';
import { isSupportedImage } from '../state/sample-images';
import { SubmissionStore } from '../state/submission.store';
import { referenceImage } from '../state/submission.type';
import { argosErrors } from './argos-api.error';
import { authIdParam, ListQueryParams, parseListQuery } from './faceauth-list.query';
import { presentList, presentSubmission } from './faceauth-record.presenter';

/** The four Add-on endpoints, for the project the caller's API key names. */
@Injectable()
export class SandboxFaceAuthService {
  constructor(
    private readonly submissions: SubmissionStore,
    private readonly records: AuthRecordStore,
    private readonly attempts: FaceAuthAttemptService,
  ) {}

  submit(project: SandboxProject, form: MultipartForm): Record<string, unknown> {
    const submissionId = form.fields.submissionId;
    const image = form.files.faceImage;
    if (!submissionId) throw argosErrors.detailed('required_field_missing', 'submissionId is required');
    if (!image) throw argosErrors.detailed('required_field_missing', 'faceImage is required');
    if (!isSupportedImage(image))
      throw argosErrors.detailed('invalid_data_format', 'faceImage must be a JPEG or PNG image');
    const submission = this.submissions.find(submissionId);
    if (!submission) throw argosErrors.bare('Cannot find submission. Please check input data.');
    if (submission.status !== 'approved' || !referenceImage(submission)) {
      throw argosErrors.detailed('error in processing data', 'The submission is not approved');
    }
    const { userId, cf1, cf2, cf3 } = form.fields;
    const record = this.attempts.record({
      project,
      submission,
      image,
      submitType: 'api',
      userId,
      cf1,
      cf2,
      cf3,
    });
    return presentSubmission(record);
  }

  list(project: SandboxProject, query: ListQueryParams): unknown[] {
    const authId = authIdParam(query);
    if (authId === undefined)
      return presentList(project, this.records.page(parseListQuery(project.pid, query)));
    const record = this.records.find(project.pid, authId);
    if (!record) throw argosErrors.bare('Cannot find submission. Please check input data.');
    return presentList(project, { records: [record] });
  }

  /** The selfie as base64 text: bare (documented, default) or JSON-quoted, per the project's `imageResponse`. */
  image(project: SandboxProject, query: ListQueryParams): { body: string; contentType: string } {
    const authId = authIdParam(query);
    if (!authId) throw argosErrors.bare('authId is required');
    const record = this.records.find(project.pid, authId);
    if (!record) throw argosErrors.bare('Cannot find submission. Please check input data.');
    if (!record.image)
      throw argosErrors.detailed('error in processing data', 'The image of this authentication was deleted');
    const base64 = record.image.toString('base64');
    return project.imageResponse === 'json'
      ? { body: JSON.stringify(base64), contentType: 'application/json' }
      : { body: base64, contentType: 'text/plain; charset=utf-8' };
  }

  /** Deletes one record's data; deleting an already deleted record succeeds again (idempotent). */
  remove(project: SandboxProject, query: ListQueryParams): { message: 'success' } {
    const authId = authIdParam(query);
    if (!authId) throw argosErrors.bare('authId is required');
    const record = this.records.find(project.pid, authId);
    if (!record)
      throw argosErrors.detailed('error in delete submission', 'No authentication with this authId');
    if (!record.deleted) this.records.markDeleted(record);
    return { message: 'success' };
  }
}
