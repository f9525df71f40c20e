/** What a framework error becomes on the wire when Fastify's or Nest's own text is not safe to send. */
export interface FrameworkErrorText {
  code: string;
  message: string;
}

/**
 * Fastify errors whose own message quotes the URL, the path or a header ("'/v1/results/…' is exceeding
 * the max param length"): replaced by a fixed text, so that nothing the caller sent is echoed back.
 */
export const BY_FASTIFY_CODE = {
  FST_ERR_BAD_URL: {
    code: 'MALFORMED_URL',
    message: 'The request path is not valid percent-encoded UTF-8',
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    code: 'URI_TOO_LONG',
    message: 'A path parameter is longer than any id this service accepts',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'This route does not accept a body of this content type',
  },
} as const satisfies Readonly<Record<string, FrameworkErrorText>>;

/** Nest's own 404 ("Cannot GET /the/path") is only raised for a request no route matches. */
export const NO_ROUTE = {
  code: 'NOT_FOUND',
  message: 'No route matches this method and path',
} as const satisfies FrameworkErrorText;

/** The safe text of a framework 4xx, or undefined when its own message may be sent as it is. */
export function safeFrameworkText(status: number, cause: unknown): FrameworkErrorText | undefined {
  const fastifyCode = (cause as { code?: unknown } | null | undefined)?.code;
  if (typeof fastifyCode === 'string' && Object.hasOwn(BY_FASTIFY_CODE, fastifyCode)) {
    return (BY_FASTIFY_CODE as Readonly<Record<string, FrameworkErrorText>>)[fastifyCode];
  }
  return status === 404 ? NO_ROUTE : undefined;
}
