/** Review status of an ID Check submission; only `approved` ones can be re-authenticated. */
export type SubmissionStatus = 'approved' | 'pending' | 'rejected';

/** An ID Check submission as FaceAuth sees it: its images and the identity it was approved for. */
export interface Submission {
  id: string;
  status: SubmissionStatus;
  selfie?: Buffer;
  /** Portrait cropped from the ID document; the reference when there is no selfie. */
  portrait?: Buffer;
  userid?: string;
  email?: string;
  cf1?: string;
  cf2?: string;
  cf3?: string;
}

/** The image a FaceAuth selfie is compared with (contract: selfie, else the ID portrait). */
export function referenceImage(submission: Submission): Buffer | undefined {
  return submission.selfie ?? submission.portrait;
}
