import { isUnsafeText } from '@faceauth/core';
import { FACEAUTH_OUTBOUND_EVENT_TYPES } from '@faceauth/webhook';
import { CliUsageError } from '../errors/cli-usage.error';

// The rules of NotificationEndpointService (POST /v1/notification-endpoints), checked before the database is
// opened so a mistyped value is a usage error (exit 2), as the other commands' flags are.
const MAX_URL_LENGTH = 2048;
const MAX_DESCRIPTION_LENGTH = 200;

/** An absolute http(s) URL without credentials or fragment; whether its host may be reached is decided at delivery. */
export function endpointUrl(value: string | undefined): string {
  if (value === undefined || value === '') throw new CliUsageError('missing the endpoint URL');
  const expected = 'the endpoint URL must be an absolute http(s) URL';
  if (value.length > MAX_URL_LENGTH)
    throw new CliUsageError(`the endpoint URL must be at most ${MAX_URL_LENGTH} characters`);
  if (isUnsafeText(value)) throw new CliUsageError(expected);
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new CliUsageError(`${expected} (got "${value}")`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new CliUsageError(`${expected} (got "${value}")`);
  if (parsed.username || parsed.password)
    throw new CliUsageError('the endpoint URL must not carry credentials');
  if (parsed.hash) throw new CliUsageError('the endpoint URL must not have a fragment');
  return value;
}

/** `--events a,b`: a comma-separated list of the event types the service emits. */
export function eventTypes(value: string): string[] {
  const types = value
    .split(',')
    .map((type) => type.trim())
    .filter((type) => type !== '');
  const known = new Set(FACEAUTH_OUTBOUND_EVENT_TYPES);
  const unknown = types.filter((type) => !known.has(type));
  if (types.length === 0 || unknown.length > 0) {
    throw new CliUsageError(
      `--events must be a comma-separated list of ${FACEAUTH_OUTBOUND_EVENT_TYPES.join(', ')}` +
        (unknown.length > 0 ? ` (unknown: ${unknown.slice(0, 3).join(', ')})` : ''),
    );
  }
  return [...new Set(types)];
}

export function description(value: string): string {
  if (value.length > MAX_DESCRIPTION_LENGTH || isUnsafeText(value))
    throw new CliUsageError(`--description must be at most ${MAX_DESCRIPTION_LENGTH} characters of text`);
  return value;
}
