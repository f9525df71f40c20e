import { isUnsafeText } from '@faceauth/core';
import { RequestValidationError } from '../errors/request-validation.error';

/** Deepest nesting of objects and arrays accepted in a body or query (the root object is level 1). */
export const MAX_INPUT_DEPTH = 32;

/**
 * What {@link findUnsafeInput} found: a string value (`text`) or a field name (`field-name`) holding NUL or
 * an unpaired UTF-16 surrogate, or nesting past the depth limit (`depth`). `path` is the dotted path of the
 * offending value (`policy.mode`, `scopes.0`), of the object holding the bad field name, or of the object
 * nested too deep; `''` is the root.
 */
export interface UnsafeInput {
  kind: 'text' | 'field-name' | 'depth';
  path: string;
}

interface Frame {
  value: object;
  depth: number;
  parent: Frame | undefined;
  key: string;
}

/**
 * The first unsafe piece of a parsed request value (JSON body, query object, path parameter, form fields),
 * or `undefined`. Iterative, so that a body nested thousands of levels deep cannot overflow the stack, and
 * it stops at the first problem; paths are only built for that one.
 */
export function findUnsafeInput(value: unknown, maxDepth: number = MAX_INPUT_DEPTH): UnsafeInput | undefined {
  if (typeof value === 'string') return isUnsafeText(value) ? { kind: 'text', path: '' } : undefined;
  if (!isWalkable(value)) return undefined;
  if (maxDepth < 1) return { kind: 'depth', path: '' };
  const stack: Frame[] = [{ value, depth: 1, parent: undefined, key: '' }];
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    const record = frame.value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (isUnsafeText(key)) return { kind: 'field-name', path: pathOf(frame) };
      const child = record[key];
      if (typeof child === 'string') {
        if (isUnsafeText(child)) return { kind: 'text', path: pathOf(frame, key) };
      } else if (isWalkable(child)) {
        const next: Frame = { value: child, depth: frame.depth + 1, parent: frame, key };
        if (next.depth > maxDepth) return { kind: 'depth', path: pathOf(next) };
        stack.push(next);
      }
    }
  }
  return undefined;
}

/**
 * Throws the validation error (400 `VALIDATION_FAILED`) for the first unsafe piece of `value`. `root` names
 * the value itself when the problem is at its root: the parameter name, `body`, `query` or `form`.
 * @throws RequestValidationError naming the field
 */
export function assertSafeInput(value: unknown, root: string, maxDepth: number = MAX_INPUT_DEPTH): void {
  const problem = findUnsafeInput(value, maxDepth);
  if (problem !== undefined) throw unsafeInputError(problem, root, maxDepth);
}

/** The validation error for a problem found by {@link findUnsafeInput}. */
export function unsafeInputError(
  problem: UnsafeInput,
  root: string,
  maxDepth: number = MAX_INPUT_DEPTH,
): RequestValidationError {
  switch (problem.kind) {
    case 'text': {
      const field = problem.path || root;
      return new RequestValidationError(
        [field],
        `${field} must not contain NUL characters or unpaired UTF-16 surrogates`,
      );
    }
    case 'field-name': {
      const field = problem.path || root;
      return new RequestValidationError(
        [field],
        `${field} has a field name containing a NUL character or an unpaired UTF-16 surrogate`,
      );
    }
    case 'depth':
      // The path of a deep value is as long as the nesting: name the root only.
      return new RequestValidationError([root], `${root} is nested deeper than ${maxDepth} levels`);
    default: {
      const unreachable: never = problem.kind;
      throw new Error(`Unknown input problem ${String(unreachable)}`);
    }
  }
}

function isWalkable(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !ArrayBuffer.isView(value);
}

function pathOf(frame: Frame, key?: string): string {
  const keys: string[] = key === undefined ? [] : [key];
  for (let at: Frame | undefined = frame; at?.parent !== undefined; at = at.parent) keys.push(at.key);
  return keys.reverse().join('.');
}
