/**
 * The `errorCode` values Argos documents for the Add-on API (ARGOS-CONTRACT §4, §7; the vendor's POST, GET,
 * image and DELETE pages). Only these reach our callers: anything else an error body says is free vendor
 * text, kept out of answers (it stays, redacted and truncated, in the error's message for the logs).
 */
const DOCUMENTED_VENDOR_CODES: ReadonlySet<string> = new Set([
  'invalid_data_format',
  'required_field_missing',
  'faceAuth_project not found',
  'authId is required',
  'required key is missing',
  'error in processing data',
  'Cannot find submission. Please check input data.',
  'error in delete submission',
  'NOT_FOUND',
]);

/** The vendor's code when it is a documented one; otherwise nothing. */
export function documentedVendorCode(code: string | undefined): string | undefined {
  return code !== undefined && DOCUMENTED_VENDOR_CODES.has(code) ? code : undefined;
}
