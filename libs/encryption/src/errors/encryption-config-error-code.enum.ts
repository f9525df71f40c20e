/** Configuration problems of the encryption library (detected at construction / module init). */
export enum EncryptionConfigErrorCode {
  /** An option is missing or has a wrong value; `option` names it. */
  INVALID_OPTION = 'INVALID_OPTION',
  /** A project name was asked for that is not configured. */
  UNKNOWN_PROJECT = 'UNKNOWN_PROJECT',
}
