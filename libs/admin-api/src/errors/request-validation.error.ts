import { ValidationError } from '@nestjs/common';
import { DomainError, DomainErrorKind } from '@faceauth/core';
import { AdminApiErrorCode } from './admin-api-error-code';

/** A request body, query or parameter failed validation; the message names every offending field. */
export class RequestValidationError extends DomainError<typeof AdminApiErrorCode.VALIDATION_FAILED> {
  constructor(
    readonly fields: string[],
    message: string,
  ) {
    super(AdminApiErrorCode.VALIDATION_FAILED, DomainErrorKind.INVALID, message, { fields });
  }

  static fromValidationErrors(errors: ValidationError[]): RequestValidationError {
    const problems: string[] = [];
    const fields: string[] = [];
    const walk = (list: ValidationError[], path: string): void => {
      for (const error of list) {
        const field = path ? `${path}.${error.property}` : error.property;
        for (const text of Object.values(error.constraints ?? {})) {
          fields.push(field);
          problems.push(
            text.startsWith(error.property)
              ? `${field}${text.slice(error.property.length)}`
              : `${field}: ${text}`,
          );
        }
        if (error.children?.length) walk(error.children, field);
      }
    };
    walk(errors, '');
    return new RequestValidationError([...new Set(fields)], problems.join('; ') || 'Invalid request');
  }
}
