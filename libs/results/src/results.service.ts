import { Injectable } from '@nestjs/common';
import {
  ArgosClientError,
  ArgosClientRegistry,
  ArgosErrorCode,
  InjectArgosClientRegistry,
} from '@faceauth/argos-client';
import { Clock, decodeKeysetCursor, encodeKeysetCursor } from '@faceauth/core';
import { checkFaceImage } from './face-image.check';
import { ResultListFilter, ResultRepository } from './result.repository';
import { ResultView, toResultView } from './result-view';
import { ResultError, ResultErrorCode } from './results.error';
import { InjectResultsOptions, ResolvedResultsOptions } from './results.options';

export interface DirectSubmission {
  project?: string;
  submissionId: string;
  image: Buffer;
  filename?: string;
  userId?: string;
  cf1?: string;
  cf2?: string;
  cf3?: string;
}

/** The listing's filters, with the page as the API gives it (an opaque cursor, an optional limit). */
export type ResultListQuery = Omit<ResultListFilter, 'after' | 'limit'> & { cursor?: string; limit?: number };

/** Direct submissions, reads (local, or refreshed from Argos), image proxying and deletion of results. */
@Injectable()
export class ResultsService {
  constructor(
    private readonly results: ResultRepository,
    @InjectArgosClientRegistry() private readonly argos: ArgosClientRegistry,
    private readonly clock: Clock,
    @InjectResultsOptions() private readonly options: ResolvedResultsOptions,
  ) {}

  /** Sends a selfie to Argos (`POST /faceauth`) and stores the normalised result. */
  async submit(input: DirectSubmission): Promise<ResultView> {
    const mimeType = checkFaceImage(input.image, this.options.maxImageBytes);
    const project = input.project ?? this.argos.defaultProjectName;
    // A caller's typo is a 400, as on POST /v1/links, not the registry's configuration error (a 500).
    if (!this.argos.projectNames().includes(project)) {
      throw new ResultError(ResultErrorCode.UNKNOWN_PROJECT, `project "${project}" is not configured`);
    }
    const record = await this.argos.get(project).submitFaceImage({
      submissionId: input.submissionId,
      image: input.image,
      filename: input.filename ?? (mimeType === 'image/png' ? 'face.png' : 'face.jpg'),
      mimeType,
      userId: input.userId,
      cf1: input.cf1,
      cf2: input.cf2,
      cf3: input.cf3,
    });
    // The person is what we sent: Argos' answer does not carry it.
    await this.results.saveRecord(record, project, 'api', this.clock.now(), {
      source: 'submission',
      authUserId: input.userId ?? null,
      cf1: input.cf1 ?? null,
      cf2: input.cf2 ?? null,
      cf3: input.cf3 ?? null,
    });
    return this.get(record.authId);
  }

  /**
   * A stored result; with `refresh`, what Argos says now is stored first. Argos' record names no person:
   * the refresh keeps the stored identity.
   */
  async get(authId: string, options: { refresh?: boolean; project?: string } = {}): Promise<ResultView> {
    if (options.refresh) {
      const project =
        options.project ?? (await this.results.findById(authId))?.project ?? this.argos.defaultProjectName;
      const record = await this.argos.get(project).getResult(authId);
      await this.results.saveRecord(record, project, 'refresh', this.clock.now());
    }
    const row = await this.results.findById(authId);
    if (!row) throw new ResultError(ResultErrorCode.RESULT_NOT_FOUND, 'No result has this authentication id');
    return toResultView(row);
  }

  async list(query: ResultListQuery): Promise<{ items: ResultView[]; nextCursor: string | null }> {
    const limit = query.limit ?? 50;
    const rows = await this.results.list({
      ...query,
      limit: limit + 1,
      after: query.cursor ? decodeKeysetCursor(query.cursor) : undefined,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toResultView),
      nextCursor: rows.length > limit && last ? encodeKeysetCursor(last.createdAt, last.authId) : null,
    };
  }

  /** The selfie, fetched from Argos (never stored here). */
  async image(authId: string): Promise<{ data: Buffer; mimeType: string }> {
    return this.argos.get(await this.projectOf(authId)).getImage(authId);
  }

  /**
   * Deletes at Argos (`DELETE /faceauth`), then purges our copy of personal fields, keeping id, status
   * and time. A record Argos no longer has counts as deleted there. A result under legal hold is refused.
   */
  async delete(authId: string): Promise<ResultView> {
    const local = await this.results.findById(authId);
    if (local?.legalHold) {
      throw new ResultError(
        ResultErrorCode.RESULT_UNDER_LEGAL_HOLD,
        'This result is under legal hold: release the hold first',
      );
    }
    try {
      await this.argos.get(local?.project ?? this.argos.defaultProjectName).deleteResult(authId);
    } catch (error) {
      const gone = error instanceof ArgosClientError && error.code === ArgosErrorCode.NOT_FOUND;
      if (!gone || !local) throw error;
    }
    if (!local)
      throw new ResultError(ResultErrorCode.RESULT_NOT_FOUND, 'No result has this authentication id');
    await this.results.purge(authId, this.clock.now(), true);
    return this.get(authId);
  }

  private async projectOf(authId: string): Promise<string> {
    return (await this.results.findById(authId))?.project ?? this.argos.defaultProjectName;
  }
}
