import { CliUsageError } from '../errors/cli-usage.error';

/** Marker argument meaning "read the input from stdin". */
export const STDIN_MARKER = '-';

/**
 * Returns the positional argument, or all of stdin when it is `-`. One trailing line break is dropped
 * from stdin, since `echo` and editors add it and it is never part of a ciphertext or a query.
 */
export async function readCliInput(argument: string | undefined, what: string): Promise<string> {
  if (argument === undefined)
    throw new CliUsageError(`missing ${what} (pass it as an argument, or - to read stdin)`);
  if (argument !== STDIN_MARKER) return argument;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
