import { ArgosClientError } from './argos-client.error';
import { ArgosErrorCode } from './argos-error-code.enum';

describe('ArgosClientError', () => {
  const error = new ArgosClientError(
    {
      code: ArgosErrorCode.BAD_REQUEST,
      operation: 'getResult',
      attempts: 1,
      status: 400,
      vendorCode: 'invalid_data_format',
    },
    'Argos rejected getResult (400)',
  );

  it('serialises its fields (and only defined ones) with JSON.stringify', () => {
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'ArgosClientError',
      message: 'Argos rejected getResult (400)',
      code: 'ARGOS_BAD_REQUEST',
      operation: 'getResult',
      attempts: 1,
      status: 400,
      vendorCode: 'invalid_data_format',
    });
  });

  it('withContext keeps the code and message and replaces the call context', () => {
    const contextual = error.withContext({ attempts: 3, requestId: 'r-1' });
    expect(contextual).toBeInstanceOf(ArgosClientError);
    expect(contextual).toMatchObject({
      code: ArgosErrorCode.BAD_REQUEST,
      attempts: 3,
      requestId: 'r-1',
      status: 400,
    });
    expect(contextual.message).toBe(error.message);
  });

  it('has no cause and no hidden properties beyond its fields', () => {
    expect(error.cause).toBeUndefined();
    expect(Object.getOwnPropertyNames(error).sort()).toEqual(
      ['attempts', 'code', 'message', 'name', 'operation', 'stack', 'status', 'vendorCode'].sort(),
    );
  });
});
