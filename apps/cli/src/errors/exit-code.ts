/** The CLI's exit statuses (the sysexits.h values for the last two), so scripts can branch on the cause. */
export const ExitCode = {
  OK: 0,
  /** The command ran and failed: unknown id, wrong key, a replay that failed again. */
  FAILURE: 1,
  /** The command line is wrong: unknown command or flag, missing or malformed value. */
  USAGE: 2,
  /** The database or Argos could not be reached (EX_UNAVAILABLE): trying again later may work. */
  UNAVAILABLE: 69,
  /** A setting of the service is missing or malformed (EX_CONFIG). */
  CONFIG: 78,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
