/** Stable codes shown on the hosted page's error pages (`data-error-code`). */
export enum HostedPageErrorCode {
  MISSING_PARAMETER = 'MISSING_PARAMETER',
  UNKNOWN_PROJECT = 'UNKNOWN_PROJECT',
  DECRYPTION_FAILED = 'DECRYPTION_FAILED',
  SUBMISSION_NOT_FOUND = 'SUBMISSION_NOT_FOUND',
  SUBMISSION_NOT_APPROVED = 'SUBMISSION_NOT_APPROVED',
  TOKEN_EXPIRED = 'TOKEN_EXPIRED',
  IMAGE_REQUIRED = 'IMAGE_REQUIRED',
  INVALID_IMAGE = 'INVALID_IMAGE',
  IMAGE_TOO_LARGE = 'IMAGE_TOO_LARGE',
}

/** A refusal of the hosted page, rendered by `HostedPageErrorFilter`. */
export class HostedPageError extends Error {
  override readonly name = 'HostedPageError';

  constructor(
    readonly code: HostedPageErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** HTTP status of each code: client mistakes 400, unknown things 404, state refusals 409/410. */
export function hostedPageErrorStatus(code: HostedPageErrorCode): number {
  switch (code) {
    case HostedPageErrorCode.MISSING_PARAMETER:
    case HostedPageErrorCode.DECRYPTION_FAILED:
    case HostedPageErrorCode.IMAGE_REQUIRED:
    case HostedPageErrorCode.INVALID_IMAGE:
      return 400;
    case HostedPageErrorCode.UNKNOWN_PROJECT:
    case HostedPageErrorCode.SUBMISSION_NOT_FOUND:
      return 404;
    case HostedPageErrorCode.SUBMISSION_NOT_APPROVED:
      return 409;
    case HostedPageErrorCode.TOKEN_EXPIRED:
      return 410;
    case HostedPageErrorCode.IMAGE_TOO_LARGE:
      return 413;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}
