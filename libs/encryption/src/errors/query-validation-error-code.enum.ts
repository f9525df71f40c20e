/** Why a FaceAuth query (or a URL option such as `lang`) was rejected before encryption. */
export enum QueryValidationErrorCode {
  NOT_AN_OBJECT = 'NOT_AN_OBJECT',
  UNKNOWN_FIELD = 'UNKNOWN_FIELD',
  REQUIRED = 'REQUIRED',
  NOT_A_STRING = 'NOT_A_STRING',
  TOO_LONG = 'TOO_LONG',
  MALFORMED_UNICODE = 'MALFORMED_UNICODE',
  INVALID_TOKEN_ID = 'INVALID_TOKEN_ID',
  INVALID_LANG = 'INVALID_LANG',
}
