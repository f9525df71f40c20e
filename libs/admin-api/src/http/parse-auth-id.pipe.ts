import { Injectable, PipeTransform } from '@nestjs/common';
import { RequestValidationError } from '../errors/request-validation.error';

const AUTH_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Argos authentication ids: 1-128 characters of [A-Za-z0-9._:-]. */
@Injectable()
export class ParseAuthIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!AUTH_ID.test(value))
      throw new RequestValidationError(['authId'], 'authId must be 1-128 characters of [A-Za-z0-9._:-]');
    return value;
  }
}
