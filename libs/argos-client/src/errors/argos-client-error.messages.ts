import { ArgosOperation } from './argos-operation.type';

// Every message of the client in one place. Inputs are operation names, statuses, vendor codes and
// already-redacted vendor text: never a key, a body or image bytes.
export const argosMessages = {
  redirect: (op: ArgosOperation, status: number): string =>
    `Argos answered ${op} with a redirect (${status}); redirects are never followed (wrong baseUrl?)`,
  badRequest: (op: ArgosOperation, status: number, vendor: string): string =>
    `Argos rejected ${op} (${status})${vendor}`,
  notFound: (op: ArgosOperation, vendor: string): string =>
    `Argos has no such authentication record (${op})${vendor}`,
  ipNotAllowed: (op: ArgosOperation): string =>
    `Argos refused ${op}: this server's IP address is not on the FaceAuth project's API IP whitelist (403 explicit deny)`,
  invalidApiKey: (op: ArgosOperation, status: number, vendor: string): string =>
    `Argos refused ${op}: the Add-on API key is wrong or missing (${status})${vendor}`,
  payloadTooLarge: (op: ArgosOperation): string =>
    `Argos refused ${op}: request entity too large (413); send a smaller image`,
  rateLimited: (op: ArgosOperation): string => `Argos throttled ${op} (429)`,
  serverError: (op: ArgosOperation, status: number): string => `Argos failed on ${op} (${status})`,
  badGateway: (op: ArgosOperation): string => `Argos' gateway failed on ${op} (502)`,
  unexpectedStatus: (op: ArgosOperation, status: number): string =>
    `Argos answered ${op} with unexpected status ${status}`,
  attemptTimeout: (op: ArgosOperation, ms: number): string =>
    `Argos did not answer ${op} completely within ${ms} ms`,
  deadline: (op: ArgosOperation): string => `The overall deadline of ${op} expired`,
  connectTimeout: (op: ArgosOperation): string =>
    `Could not connect to Argos for ${op} within the connect timeout`,
  refused: (op: ArgosOperation): string => `Argos refused the connection for ${op} (ECONNREFUSED)`,
  dns: (op: ArgosOperation): string => `Could not resolve or reach the Argos host for ${op}`,
  reset: (op: ArgosOperation): string => `The connection to Argos was reset during ${op}`,
  network: (op: ArgosOperation): string => `Network error while calling Argos for ${op}`,
  osTimeout: (op: ArgosOperation): string => `The connection to Argos timed out during ${op} (ETIMEDOUT)`,
  responseTooLarge: (op: ArgosOperation): string => `Argos' answer to ${op} exceeds maxResponseBytes`,
  circuitOpen: (op: ArgosOperation): string =>
    `Argos circuit breaker is open: ${op} failed fast without calling Argos`,
  aborted: (op: ArgosOperation): string => `${op} was aborted by the caller`,
  malformed: (op: ArgosOperation, reason: string): string =>
    `Argos sent an unusable answer to ${op}: ${reason}`,
  imageTooLarge: (size: number, limit: number): string =>
    `The image is ${size} bytes, over the ${limit}-byte limit (maxImageBytes)`,
  invalidInput: (field: string, reason: string): string => `Invalid ${field}: ${reason}`,
};
