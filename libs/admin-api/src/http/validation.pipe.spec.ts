import { ArgumentMetadata } from '@nestjs/common';
import { IsInt, IsOptional, IsString, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { RequestValidationError } from '../errors/request-validation.error';
import { createValidationPipe } from './validation.pipe';

class OptionalQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) limit?: number;
  @IsOptional() @IsString() sort = 'newest';
}

class RequiredQuery {
  @IsString() sid!: string;
}

const query = (metatype: new () => unknown): ArgumentMetadata => ({
  type: 'query',
  metatype,
  data: undefined,
});

/** The shortcut for an empty query string must answer exactly as the full validation would. */
describe('the admin validation pipe and empty queries', () => {
  it('answers an empty query with the DTO and its defaults, every time', async () => {
    const pipe = createValidationPipe();
    for (let i = 0; i < 3; i++) {
      const value = await pipe.transform({}, query(OptionalQuery));
      expect(value).toBeInstanceOf(OptionalQuery);
      expect(value).toEqual(Object.assign(new OptionalQuery(), {}));
      expect((value as OptionalQuery).sort).toBe('newest');
    }
  });

  it('still validates a non-empty query after an empty one passed', async () => {
    const pipe = createValidationPipe();
    await pipe.transform({}, query(OptionalQuery));
    await expect(pipe.transform({ limit: '0' }, query(OptionalQuery))).rejects.toBeInstanceOf(
      RequestValidationError,
    );
    await expect(pipe.transform({ unknown: 'x' }, query(OptionalQuery))).rejects.toBeInstanceOf(
      RequestValidationError,
    );
    expect(await pipe.transform({ limit: '5' }, query(OptionalQuery))).toMatchObject({ limit: 5 });
  });

  it('refuses an empty query every time when the DTO requires a field', async () => {
    const pipe = createValidationPipe();
    for (let i = 0; i < 2; i++) {
      await expect(pipe.transform({}, query(RequiredQuery))).rejects.toBeInstanceOf(RequestValidationError);
    }
  });
});
