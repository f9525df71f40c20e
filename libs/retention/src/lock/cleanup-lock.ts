/** A held cleanup lock. */
export interface CleanupLockHandle {
  /** Extends the hold; false when it was lost (the run must stop at once). */
  renew(): Promise<boolean>;
  release(): Promise<void>;
}

/**
 * The cross-instance lock that serialises cleanup runs, so that one instance at a time talks to Argos
 * (which keeps the rate cap global). Row claims make a second holder harmless anyway.
 */
export abstract class CleanupLock {
  /** The lock, or null when another instance holds it. Never waits. */
  abstract tryAcquire(): Promise<CleanupLockHandle | null>;
}
