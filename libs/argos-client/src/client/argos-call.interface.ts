import { FaceAuthListKey } from '../normalization/faceauth-record.interface';

/** Per-call options of every client method. */
export interface CallOptions {
  /** Aborts the call at once, in flight or during a backoff; no further attempt is made. */
  signal?: AbortSignal;
  /** Sent as `x-request-id` (one id for all attempts of the call); a UUID is generated when absent. */
  requestId?: string;
}

/** `POST /faceauth` input. */
export interface SubmitFaceImageInput {
  /** Approved ID Check submission to compare against. */
  submissionId: string;
  /** The selfie (JPEG or PNG; 960×720 recommended by Argos). Never logged nor put in an error. */
  image: Buffer;
  filename: string;
  mimeType: string;
  userId?: string;
  cf1?: string;
  cf2?: string;
  cf3?: string;
}

/** Filters of `GET /faceauth`. */
export interface ListResultsQuery {
  /** `yyyy-mm-dd`; give both dates or neither. */
  startDate?: string;
  endDate?: string;
  /** Page size, 1-2000 (Argos' default and maximum is 2000). */
  count?: number;
}

/** One page request: the filters plus the continuation key of the previous page. */
export interface ListResultsPageQuery extends ListResultsQuery {
  next?: FaceAuthListKey;
}
