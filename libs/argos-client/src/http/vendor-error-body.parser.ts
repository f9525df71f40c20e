/** What we can safely read from an Argos (or AWS API Gateway) error body. */
export interface VendorErrorBody {
  readonly errorCode?: string;
  readonly message?: string;
  readonly traceId?: string;
}

const MAX_TEXT = 200;

/**
 * Reads the error body shapes Argos sends: `{errorCode, message, traceId?}`, `{errorCode}`, API
 * Gateway's `{message}` / `{Message}`, a JSON string, or plain text. Never throws. Texts are
 * whitespace-collapsed, truncated and passed through `redact` (which strips the API key).
 */
export function parseVendorErrorBody(body: Buffer, redact: (text: string) => string): VendorErrorBody {
  const text = body.toString('utf8').trim();
  if (text === '') return {};
  const parsed = tryJson(text);
  if (typeof parsed === 'string') return { message: clean(parsed, redact) };
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { message: clean(text, redact) };
  const record = parsed as Record<string, unknown>;
  return dropUndefined({
    errorCode: clean(firstString(record, ['errorCode', 'error_code', 'code']), redact),
    message: clean(firstString(record, ['message', 'Message', 'errorMessage', 'error']), redact),
    traceId: clean(firstString(record, ['traceId', 'trace_id', 'requestId']), redact),
  });
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function firstString(record: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return undefined;
}

function clean(value: string | undefined, redact: (text: string) => string): string | undefined {
  if (value === undefined) return undefined;
  // Control characters from a vendor body must not reach logs (log forging).
  const collapsed = redact(value)
    .replace(/[\u0000-\u001f\u007f\s]+/g, ' ')
    .trim();
  if (collapsed === '') return undefined;
  return collapsed.length > MAX_TEXT ? `${collapsed.slice(0, MAX_TEXT)}…` : collapsed;
}

function dropUndefined(body: VendorErrorBody): VendorErrorBody {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}
