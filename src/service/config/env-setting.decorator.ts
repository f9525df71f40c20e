import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateBy } from 'class-validator';

/**
 * The value types of the environment schema ({@link Environment}). Each turns the variable's text into its
 * type and leaves anything it cannot read as text, so that the validator refuses it with a message naming
 * what is expected. Messages leave the variable's name out: {@link validateEnvironment} puts it in front.
 */

const got = (value: unknown): string => `(got "${String(value)}")`;

/** A whole number in [min, max]. */
export const IntSetting = (range: { min?: number; max?: number } = {}): PropertyDecorator =>
  applyDecorators(
    IsOptional(),
    Transform(({ value }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value)),
    IsInt({ message: ({ value }) => `must be a whole number ${got(value)}` }),
    ...(range.min === undefined ? [] : [Min(range.min, { message: `must be ≥ ${range.min}` })]),
    ...(range.max === undefined ? [] : [Max(range.max, { message: `must be ≤ ${range.max}` })]),
  );

/** 1/true/yes/on or 0/false/no/off, in any case. */
export const BoolSetting = (): PropertyDecorator =>
  applyDecorators(
    IsOptional(),
    Transform(({ value }) =>
      /^(1|true|yes|on)$/i.test(String(value))
        ? true
        : /^(0|false|no|off)$/i.test(String(value))
          ? false
          : value,
    ),
    IsBoolean({ message: ({ value }) => `must be true or false ${got(value)}` }),
  );

/** One of a fixed list of words. */
export const OneOfSetting = (allowed: readonly string[]): PropertyDecorator =>
  applyDecorators(
    IsOptional(),
    IsIn(allowed, { message: ({ value }) => `must be one of ${allowed.join(', ')} ${got(value)}` }),
  );

/** An absolute URL with one of the schemes; trailing slashes are dropped. */
export const UrlSetting = (schemes: readonly string[]): PropertyDecorator =>
  applyDecorators(
    IsOptional(),
    Transform(({ value }) => (typeof value === 'string' ? value.replace(/\/+$/, '') : value)),
    ValidateBy(
      { name: 'isUrlWithScheme', validator: { validate: (value: unknown) => hasScheme(value, schemes) } },
      { message: `must be a URL with scheme ${schemes.join(' or ')}` },
    ),
  );

/** Free text, or text matching a pattern. */
export const TextSetting = (pattern?: RegExp, expected?: string): PropertyDecorator =>
  applyDecorators(
    IsOptional(),
    IsString(),
    ...(pattern ? [Matches(pattern, { message: expected ?? `must match ${String(pattern)}` })] : []),
  );

function hasScheme(value: unknown, schemes: readonly string[]): boolean {
  if (typeof value !== 'string') return false;
  try {
    return schemes.includes(new URL(value).protocol.replace(/:$/, ''));
  } catch {
    return false;
  }
}
