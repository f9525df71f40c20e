import { randomUUID } from 'node:crypto';

/** Argos' documented 400 `errorCode` values (contract section 4). */
export type ArgosErrorCode =
  | 'invalid_data_format'
  | 'required_field_missing'
  | 'faceAuth_project not found'
  | 'authId is required'
  | 'required key is missing'
  | 'error in processing data'
  | 'Cannot find submission. Please check input data.'
  | 'error in delete submission';

/** An Argos REST response that is not a success: the exact status and JSON body to send. */
export class ArgosApiError extends Error {
  override readonly name = 'ArgosApiError';

  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(`Argos API ${status}`);
  }
}

/**
 * The bodies Argos' API gateway and endpoints send. The two 400 shapes both occur: the detailed
 * `{errorCode, message, traceId}` and the bare `{errorCode}`; which endpoint error uses which is
 * listed in the sandbox README.
 */
export const argosErrors = {
  forbidden: () => new ArgosApiError(403, { message: 'Forbidden' }),
  ipDenied: () =>
    new ArgosApiError(403, {
      message: 'User is not authorized to access this resource with an explicit deny',
    }),
  tooLarge: () => new ArgosApiError(413, { message: 'Request Entity Too Large' }),
  internal: () => new ArgosApiError(500, { message: 'Internal server error' }),
  badGateway: () => new ArgosApiError(502, { message: 'Bad Gateway' }),
  detailed: (errorCode: ArgosErrorCode, message: string) =>
    new ArgosApiError(400, { errorCode, message, traceId: randomUUID() }),
  bare: (errorCode: ArgosErrorCode) => new ArgosApiError(400, { errorCode }),
};
