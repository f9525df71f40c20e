import { argosMessages as m } from '../errors/argos-client-error.messages';
import { ArgosErrorCode } from '../errors/argos-error-code.enum';
import { ArgosOperation } from '../errors/argos-operation.type';
import { parseRetryAfterMs } from '../resilience/retry-after.parser';
import { ArgosFailure } from './argos-failure.interface';
import { ArgosHttpResponse } from './argos-transport.interface';
import { parseVendorErrorBody, VendorErrorBody } from './vendor-error-body.parser';
import { documentedVendorCode } from './vendor-error-codes';

// Operations that look a record up by authentication id: only there can "cannot find" mean NOT_FOUND.
const LOOKUPS: ReadonlySet<ArgosOperation> = new Set(['getResult', 'getImage', 'deleteResult']);
const NOT_FOUND_TEXT = /cannot find|not found|does not exist|no such|no data/i;
// "faceAuth_project not found" is a configuration problem (wrong key/project), not a missing record.
const PROJECT_TEXT = /project/i;

/**
 * Classifies a non-2xx response (section 4 of the Argos contract):
 * 3xx → BAD_RESPONSE; 400 → BAD_REQUEST, or NOT_FOUND for a lookup whose vendor text says the record
 * is unknown; 401 and 403 without "explicit deny" → INVALID_API_KEY; 403 "explicit deny" →
 * IP_NOT_ALLOWED; 404 → NOT_FOUND on lookups, else BAD_REQUEST; 413 → PAYLOAD_TOO_LARGE; 429 →
 * RATE_LIMITED; other 4xx → BAD_REQUEST; 502 → BAD_GATEWAY; other 5xx → SERVER_ERROR.
 * 4xx are never retried and prove Argos is up; 5xx are retried for idempotent calls and trip the breaker.
 */
export function classifyHttpFailure(
  operation: ArgosOperation,
  response: ArgosHttpResponse,
  redact: (text: string) => string,
  nowMs: number,
): ArgosFailure {
  const { status } = response;
  const vendor = status >= 400 && status < 500 ? parseVendorErrorBody(response.body, redact) : {};
  const vendorCode = documentedVendorCode(vendor.errorCode);
  const base = {
    status,
    retryAfterMs: parseRetryAfterMs(response.headers['retry-after'], nowMs),
    ...(vendorCode !== undefined ? { vendorCode } : {}),
    ...(vendor.traceId !== undefined ? { traceId: vendor.traceId } : {}),
  };
  const clientFault = (code: ArgosErrorCode, message: string): ArgosFailure => ({
    ...base,
    code,
    message,
    retryability: 'never',
    breaker: 'healthy',
  });
  const serverFault = (code: ArgosErrorCode, message: string): ArgosFailure => ({
    ...base,
    code,
    message,
    retryability: 'idempotent',
    breaker: 'failure',
  });

  if (status >= 300 && status < 400)
    return clientFault(ArgosErrorCode.BAD_RESPONSE, m.redirect(operation, status));
  if (status === 400 || status === 404) {
    if (LOOKUPS.has(operation) && (status === 404 || saysNotFound(vendor))) {
      return clientFault(ArgosErrorCode.NOT_FOUND, m.notFound(operation, suffix(vendor)));
    }
    return clientFault(ArgosErrorCode.BAD_REQUEST, m.badRequest(operation, status, suffix(vendor)));
  }
  if (status === 403 && /explicit deny/i.test(vendor.message ?? ''))
    return clientFault(ArgosErrorCode.IP_NOT_ALLOWED, m.ipNotAllowed(operation));
  if (status === 401 || status === 403)
    return clientFault(ArgosErrorCode.INVALID_API_KEY, m.invalidApiKey(operation, status, suffix(vendor)));
  if (status === 413) return clientFault(ArgosErrorCode.PAYLOAD_TOO_LARGE, m.payloadTooLarge(operation));
  if (status === 429) return clientFault(ArgosErrorCode.RATE_LIMITED, m.rateLimited(operation));
  if (status >= 400 && status < 500)
    return clientFault(ArgosErrorCode.BAD_REQUEST, m.badRequest(operation, status, suffix(vendor)));
  if (status === 502) return serverFault(ArgosErrorCode.BAD_GATEWAY, m.badGateway(operation));
  if (status >= 500 && status < 600)
    return serverFault(ArgosErrorCode.SERVER_ERROR, m.serverError(operation, status));
  return clientFault(ArgosErrorCode.BAD_RESPONSE, m.unexpectedStatus(operation, status));
}

function saysNotFound(vendor: VendorErrorBody): boolean {
  const text = `${vendor.errorCode ?? ''} ${vendor.message ?? ''}`;
  return NOT_FOUND_TEXT.test(text) && !PROJECT_TEXT.test(text);
}

function suffix(vendor: VendorErrorBody): string {
  const parts = [vendor.errorCode, vendor.message].filter((p): p is string => p !== undefined);
  const unique = parts.filter((p, i) => parts.indexOf(p) === i);
  return unique.length === 0 ? '' : `: ${unique.join(' - ')}`;
}
