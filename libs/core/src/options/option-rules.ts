import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsObject, ValidateBy, ValidateNested } from 'class-validator';

/**
 * The decorators of the libraries' option schemas (validated by {@link validateModuleOptions}). Messages never
 * quote the value: options hold API keys and secrets.
 */

/** A rule with its message; `check` sees the value and the object holding it (for rules between fields). */
export function OptionRule<V, O = unknown>(
  message: string,
  check: (value: V, object: O) => boolean,
): PropertyDecorator {
  return ValidateBy(
    { name: message, validator: { validate: (v: V, args) => check(v, args?.object as O) } },
    { message },
  );
}

/** A nested group of options, with its own schema class (and so its own defaults). */
export function OptionGroup(type: () => new () => object): PropertyDecorator {
  return applyDecorators(IsObject({ message: 'must be an object' }), ValidateNested(), Type(type));
}

/**
 * A number in [min, max]; `min` may name a sibling option (`'baseDelayMs'`). Whole numbers unless `integer`
 * is false; no upper bound when `max` is Infinity. `wording` keeps a library's established message ("an integer between 1 and 60000").
 */
export function OptionRange(
  min: number | string,
  max: number,
  { integer = true, wording = 'from-to' }: { integer?: boolean; wording?: 'from-to' | 'between' } = {},
): PropertyDecorator {
  const message = !Number.isFinite(max)
    ? `must be ${integer ? 'a whole number' : 'a number'} ≥ ${min}`
    : wording === 'between'
      ? `must be an integer between ${min} and ${max}`
      : `must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`;
  return OptionRule(
    message,
    (v: number, o: Record<string, number>) =>
      (integer ? Number.isInteger(v) : Number.isFinite(v)) &&
      v >= (typeof min === 'number' ? min : o[min]) &&
      v <= max,
  );
}
