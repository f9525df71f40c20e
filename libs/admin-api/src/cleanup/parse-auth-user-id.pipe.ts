import { Injectable, PipeTransform } from '@nestjs/common';
import { RequestValidationError } from '../errors/request-validation.error';
import { isUnsafeText } from '@faceauth/core';

/**
 * The administrator's own user id (as sent in links and submissions): 1-256 characters, no control
 * characters and no unpaired surrogates.
 */
@Injectable()
export class ParseAuthUserIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (
      typeof value !== 'string' ||
      value.length < 1 ||
      value.length > 256 ||
      /[\u0000-\u001f\u007f]/.test(value) ||
      isUnsafeText(value)
    ) {
      throw new RequestValidationError(
        ['authUserId'],
        'authUserId must be 1-256 characters without control characters or unpaired surrogates',
      );
    }
    return value;
  }
}
