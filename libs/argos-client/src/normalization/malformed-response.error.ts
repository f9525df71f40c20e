import { argosMessages } from '../errors/argos-client-error.messages';
import { ArgosClientError } from '../errors/argos-client.error';
import { ArgosErrorCode } from '../errors/argos-error-code.enum';
import { ArgosOperation } from '../errors/argos-operation.type';

/**
 * The BAD_RESPONSE error of the normalisers. `attempts` is 0 here; the executor fills in the real
 * count, status and request id when the body came from a call.
 */
export function malformedResponse(operation: ArgosOperation, reason: string): ArgosClientError {
  return new ArgosClientError(
    { code: ArgosErrorCode.BAD_RESPONSE, operation, attempts: 0 },
    argosMessages.malformed(operation, reason),
  );
}
