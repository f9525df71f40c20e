import { Injectable, PipeTransform } from '@nestjs/common';
import { RequestValidationError } from '../errors/request-validation.error';

/** The administrator's own user id (as sent in links and submissions): 1-256 characters, no control characters. */
@Injectable()
export class ParseAuthUserIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (
      typeof value !== 'string' ||
      value.length < 1 ||
      value.length > 256 ||
      /[\u0000-\u001f\u007f]/.test(value)
    ) {
      throw new RequestValidationError(
        ['authUserId'],
        'authUserId must be 1-256 characters without control characters',
      );
    }
    return value;
  }
}
