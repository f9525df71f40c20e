import { argosMessages } from '../errors/argos-client-error.messages';
import { ArgosClientError } from '../errors/argos-client.error';
import { ArgosErrorCode } from '../errors/argos-error-code.enum';
import { FaceAuthRecord } from '../normalization/faceauth-record.interface';
import { normalizeListPage } from '../normalization/faceauth-list.normalizer';
import { malformedResponse } from '../normalization/malformed-response.error';
import { SubmitFaceImageInput } from './argos-call.interface';

/**
 * The record of a `POST /faceauth` answer (an object, or a one-record list). Fields Argos does not
 * echo (submission id, user fields) are filled from the input; Argos' own values win.
 */
export function readSubmitResponse(raw: unknown, input: SubmitFaceImageInput): FaceAuthRecord {
  const { records } = normalizeListPage(raw, 'submitFaceImage');
  if (records.length !== 1)
    throw malformedResponse('submitFaceImage', `expected one record, got ${records.length}`);
  const [record] = records;
  const echoed = {
    submissionId: input.submissionId.trim(),
    userId: input.userId,
    cf1: input.cf1,
    cf2: input.cf2,
    cf3: input.cf3,
  };
  const filled: FaceAuthRecord = { ...record };
  for (const [field, value] of Object.entries(echoed) as [keyof typeof echoed, string | undefined][]) {
    if (filled[field] === undefined && value !== undefined) filled[field] = value;
  }
  return filled;
}

/**
 * The record with `authId` from a `GET /faceauth?authId=` answer, whatever its shape. An empty answer,
 * or one without that id (an endpoint that ignored the filter), is `ARGOS_NOT_FOUND`.
 */
export function readLookupResponse(raw: unknown, authId: string): FaceAuthRecord {
  const { records } = normalizeListPage(raw, 'getResult');
  const record = records.find((candidate) => candidate.authId === authId);
  if (record === undefined) {
    throw new ArgosClientError(
      { code: ArgosErrorCode.NOT_FOUND, operation: 'getResult', attempts: 0 },
      argosMessages.notFound(
        'getResult',
        records.length === 0 ? ': empty result' : ': the answer holds other records only',
      ),
    );
  }
  return record;
}
