/** Why the Argos client could not be configured or a project could not be resolved. */
export enum ArgosConfigErrorCode {
  /** A module option is missing or invalid; the message names it. Thrown at boot. */
  INVALID_OPTIONS = 'ARGOS_INVALID_OPTIONS',
  /** `ArgosClientRegistry.get(name)` was asked for a project that is not configured. */
  UNKNOWN_PROJECT = 'ARGOS_UNKNOWN_PROJECT',
}
