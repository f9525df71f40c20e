import { ArgosOperation } from '../errors/argos-operation.type';
import { malformedResponse } from './malformed-response.error';

/**
 * Parses a success body as JSON. An empty or unparseable body is `ARGOS_BAD_RESPONSE`; the message
 * never quotes the body.
 */
export function parseJsonBody(body: Buffer, operation: ArgosOperation): unknown {
  const text = body
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trim();
  if (text === '') throw malformedResponse(operation, 'the body is empty');
  try {
    return JSON.parse(text);
  } catch {
    throw malformedResponse(operation, 'the body is not valid JSON');
  }
}
