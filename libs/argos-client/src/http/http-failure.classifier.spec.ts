import { ArgosErrorCode } from '../errors/argos-error-code.enum';
import { ArgosOperation } from '../errors/argos-operation.type';
import { classifyHttpFailure } from './http-failure.classifier';

const respond = (status: number, body: unknown = '', headers: Record<string, string> = {}) => ({
  status,
  headers,
  body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
});
const classify = (op: ArgosOperation, status: number, body?: unknown, headers?: Record<string, string>) =>
  classifyHttpFailure(op, respond(status, body, headers), (t) => t.replace('SECRET', '[redacted]'), 0);

describe('classifyHttpFailure', () => {
  it.each<[number, unknown, ArgosOperation, ArgosErrorCode, string, string]>([
    [301, '', 'getResult', ArgosErrorCode.BAD_RESPONSE, 'never', 'healthy'],
    [
      400,
      { errorCode: 'invalid_data_format' },
      'submitFaceImage',
      ArgosErrorCode.BAD_REQUEST,
      'never',
      'healthy',
    ],
    [
      400,
      { errorCode: 'Cannot find submission. Please check input data.' },
      'getResult',
      ArgosErrorCode.NOT_FOUND,
      'never',
      'healthy',
    ],
    [
      400,
      { errorCode: 'Cannot find submission. Please check input data.' },
      'listResults',
      ArgosErrorCode.BAD_REQUEST,
      'never',
      'healthy',
    ],
    [
      400,
      { errorCode: 'faceAuth_project not found' },
      'deleteResult',
      ArgosErrorCode.BAD_REQUEST,
      'never',
      'healthy',
    ],
    [400, { message: 'No data found' }, 'getImage', ArgosErrorCode.NOT_FOUND, 'never', 'healthy'],
    [
      400,
      { errorCode: 'error in delete submission' },
      'deleteResult',
      ArgosErrorCode.BAD_REQUEST,
      'never',
      'healthy',
    ],
    [401, '', 'getResult', ArgosErrorCode.INVALID_API_KEY, 'never', 'healthy'],
    [403, { message: 'Forbidden' }, 'getResult', ArgosErrorCode.INVALID_API_KEY, 'never', 'healthy'],
    [
      403,
      { Message: 'User is not authorized to access this resource with an explicit deny' },
      'getResult',
      ArgosErrorCode.IP_NOT_ALLOWED,
      'never',
      'healthy',
    ],
    [
      403,
      'User is not authorized to access this resource with an Explicit Deny',
      'getResult',
      ArgosErrorCode.IP_NOT_ALLOWED,
      'never',
      'healthy',
    ],
    [404, '', 'getResult', ArgosErrorCode.NOT_FOUND, 'never', 'healthy'],
    [404, '', 'submitFaceImage', ArgosErrorCode.BAD_REQUEST, 'never', 'healthy'],
    [413, '', 'submitFaceImage', ArgosErrorCode.PAYLOAD_TOO_LARGE, 'never', 'healthy'],
    [422, '', 'submitFaceImage', ArgosErrorCode.BAD_REQUEST, 'never', 'healthy'],
    [429, '', 'getResult', ArgosErrorCode.RATE_LIMITED, 'never', 'healthy'],
    [500, '', 'getResult', ArgosErrorCode.SERVER_ERROR, 'idempotent', 'failure'],
    [502, '', 'getResult', ArgosErrorCode.BAD_GATEWAY, 'idempotent', 'failure'],
    [503, '', 'getResult', ArgosErrorCode.SERVER_ERROR, 'idempotent', 'failure'],
    [504, '', 'getResult', ArgosErrorCode.SERVER_ERROR, 'idempotent', 'failure'],
    [101, '', 'getResult', ArgosErrorCode.BAD_RESPONSE, 'never', 'healthy'],
  ])('%i %j on %s → %s (retry %s, breaker %s)', (status, body, op, code, retryability, breaker) => {
    expect(classify(op, status, body)).toMatchObject({ code, retryability, breaker, status });
  });

  it('keeps vendorCode and traceId, redacts and truncates vendor text', () => {
    const failure = classify('submitFaceImage', 400, {
      errorCode: 'required_field_missing',
      message: `SECRET ${'x'.repeat(500)}`,
      traceId: 't-1',
    });
    expect(failure).toMatchObject({ vendorCode: 'required_field_missing', traceId: 't-1' });
    expect(failure.message).toContain('[redacted]');
    expect(failure.message).not.toContain('SECRET');
    expect(failure.message.length).toBeLessThan(400);
  });

  it('reads Retry-After on any status', () => {
    expect(classify('getResult', 503, '', { 'retry-after': '4' }).retryAfterMs).toBe(4_000);
    expect(classify('getResult', 429, '', { 'retry-after': '2' }).retryAfterMs).toBe(2_000);
  });

  it('strips control characters from vendor text (no log forging)', () => {
    expect(classify('getResult', 400, 'line1\r\nFAKE LOG LINE').message).not.toMatch(/[\r\n]/);
  });
});
