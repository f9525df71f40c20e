import { CliUsageError } from '../errors/cli-usage.error';

// The API's rule for Argos authentication ids (ParseAuthIdPipe).
const AUTH_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function authIdArgument(value: string | undefined): string {
  if (value === undefined) throw new CliUsageError('missing the authentication id');
  if (!AUTH_ID.test(value))
    throw new CliUsageError('the authentication id must be 1-128 characters of [A-Za-z0-9._:-]');
  return value;
}
