import { ApiErrors } from '../http/api-errors.decorator';
import { ARGOS_CODES_BY_STATUS, ErrorCodes } from './error-code';
import { ResultErrorCode } from '@faceauth/results';

/** The Argos codes of a status, as argosFailureToDomainError maps them. */
const argos = (status: number): readonly string[] => ARGOS_CODES_BY_STATUS[status] ?? [];

/**
 * The 413 of the route that uploads an image: too large for this service (IMAGE_TOO_LARGE, or a body over the
 * limit) or for Argos.
 */
export const IMAGE_TOO_LARGE_ERROR = {
  status: 413,
  description: `Image too large: ${[ResultErrorCode.IMAGE_TOO_LARGE, ErrorCodes.PAYLOAD_TOO_LARGE, ...argos(413)].join(', ')}`,
  codes: [ResultErrorCode.IMAGE_TOO_LARGE, ErrorCodes.PAYLOAD_TOO_LARGE, ...argos(413)],
};

/**
 * Documents the error answers every route that calls Argos shares (a route documents its own 400, 409 and 413):
 * an unknown id, Argos's refusals and outages, the database's.
 */
export function ApiArgosErrors(): MethodDecorator & ClassDecorator {
  return ApiErrors(
    {
      status: 404,
      description:
        'Unknown authentication id: RESULT_NOT_FOUND (not stored here) or ARGOS_NOT_FOUND (unknown to Argos)',
      codes: [ResultErrorCode.RESULT_NOT_FOUND, ...argos(404)],
    },
    {
      status: 422,
      description: 'Argos refused the request (code ARGOS_BAD_REQUEST)',
      codes: argos(422),
    },
    {
      status: 502,
      description:
        'Argos rejects our IP or key (ARGOS_IP_NOT_ALLOWED, ARGOS_INVALID_API_KEY), or sent an answer this ' +
        'service cannot read (ARGOS_BAD_RESPONSE)',
      codes: argos(502),
    },
    {
      status: 503,
      description:
        'See Retry-After. Argos unavailable (its error code, e.g. ARGOS_TIMEOUT, ARGOS_SERVER_ERROR), or ' +
        'DATABASE_UNAVAILABLE: the database does not answer',
      codes: [...argos(503), ErrorCodes.DATABASE_UNAVAILABLE],
    },
  );
}
