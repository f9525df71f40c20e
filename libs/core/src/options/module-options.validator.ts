import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { ModuleOptionsError } from './module-options.error';

type Schema<T> = new () => T;

/**
 * A library's options, checked against its one class-validator schema: the schema class states every option,
 * its bounds and its default (field initialisers; nested groups with `@ValidateNested()` + `@Type()`), and is
 * the type the library injects. Throws a {@link ModuleOptionsError} naming the first refused option by its path.
 * Run once per module instance (at init), never per call.
 */
export function validateModuleOptions<T extends object>(
  module: string,
  schema: Schema<T>,
  options: unknown,
): T {
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) {
    throw new ModuleOptionsError(module, '(root)', 'must be an object');
  }
  const resolved = plainToInstance(schema, options ?? {}, { exposeDefaultValues: true });
  const [first] = validateSync(resolved, { stopAtFirstError: true, forbidUnknownValues: false });
  if (first) {
    const { path, rule } = firstRefusal(first, '');
    throw new ModuleOptionsError(module, path, rule);
  }
  return resolved;
}

function firstRefusal(error: ValidationError, parent: string): { path: string; rule: string } {
  const path = /^\d+$/.test(error.property)
    ? `${parent}[${error.property}]`
    : parent
      ? `${parent}.${error.property}`
      : error.property;
  const rule = Object.values(error.constraints ?? {})[0];
  if (rule !== undefined) return { path, rule };
  const [child] = error.children ?? [];
  return child ? firstRefusal(child, path) : { path, rule: 'is invalid' };
}
