/**
 * The one pattern of the names we let people choose and echo back (project names, API key names): short,
 * URL- and log-safe, never a place to smuggle markup or control characters.
 */
export const SAFE_NAME_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** How {@link SAFE_NAME_PATTERN} reads in a message. */
export const SAFE_NAME_RULE = '1-64 characters of [A-Za-z0-9._-]';
