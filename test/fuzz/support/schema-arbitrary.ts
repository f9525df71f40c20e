import fc from 'fast-check';
import { SchemaNode } from './openapi-operations';
import {
  anyJson,
  cursorOf,
  extraFields,
  hostileCursor,
  hostileNumber,
  hostileString,
} from './hostile-values';

/** A cursor this API could have handed out (a row may or may not sit at that position). */
const validCursor = fc
  .tuple(
    fc.integer({ min: 0, max: 8.64e15 }),
    fc.oneof(fc.uuid(), fc.stringMatching(/^[A-Za-z0-9._:-]{1,128}$/)),
  )
  .map(([c, i]) => cursorOf({ c, i }));

/** What the fuzzer knows of the service under test: ids that exist, so some requests reach real rows. */
export interface FuzzVocabulary {
  /** Ids of rows seeded before fuzzing (links, tokens, results, inbox rows, keys, users). */
  knownIds: string[];
  /** Configured project names. */
  projects: string[];
}

/**
 * `well-formed`: every value of the right type and within the schema (requests that reach the handlers and
 * the database); `hostile`: valid values mixed with wrong types, edges and attacks, members dropped/added.
 */
export type FuzzMode = 'well-formed' | 'hostile';

/** Plausible strings: existing ids, project names (and an unknown one), uuids, instants, short words. */
export function plausibleString(vocabulary: FuzzVocabulary, name = ''): fc.Arbitrary<string> {
  if (name === 'project') {
    return fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...vocabulary.projects) },
      { weight: 1, arbitrary: fc.constant('nope') },
    );
  }
  return fc.oneof(
    fc.constantFrom(...vocabulary.knownIds),
    fc.constantFrom(...vocabulary.projects, 'nope'),
    fc.uuid(),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    fc.stringMatching(/^[A-Za-z0-9._-]{1,24}$/),
  );
}

/**
 * A value for `schema`, mixing valid values (right type, enum member, in range) with hostile ones
 * (wrong type, out of range, NUL and lone surrogates, extra fields, nesting).
 */
export function valueFor(
  schema: SchemaNode,
  vocabulary: FuzzVocabulary,
  mode: FuzzMode,
  name = '',
): fc.Arbitrary<unknown> {
  if (mode === 'well-formed') return validValueFor(schema, vocabulary, mode, name);
  return fc.oneof(
    { weight: 6, arbitrary: validValueFor(schema, vocabulary, mode, name) },
    { weight: 3, arbitrary: hostileValueFor(schema) },
    { weight: 1, arbitrary: anyJson },
  );
}

function validValueFor(
  schema: SchemaNode,
  vocabulary: FuzzVocabulary,
  mode: FuzzMode,
  name: string,
): fc.Arbitrary<unknown> {
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  // The document's own example is a value the API accepts: well-formed requests lean on it.
  if (schema.example !== undefined && schema.type !== 'array') {
    return fc.oneof(
      { weight: 3, arbitrary: fc.constant(schema.example) },
      { weight: 1, arbitrary: validValueFor({ ...schema, example: undefined }, vocabulary, mode, name) },
    );
  }
  switch (schema.type) {
    case 'string':
      if (schema.format === 'uuid') return fc.uuid();
      if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
      if (name === 'cursor') return mode === 'hostile' ? hostileCursor : validCursor;
      return plausibleString(vocabulary, name);
    case 'number':
    case 'integer':
      return fc.integer({ min: Math.ceil(schema.minimum ?? 0), max: Math.floor(schema.maximum ?? 100_000) });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(valueFor(schema.items ?? {}, vocabulary, mode), { maxLength: 4 });
    case 'object':
    default:
      if (!schema.properties) return anyJson;
      return objectFor(schema, vocabulary, mode);
  }
}

function objectFor(
  schema: SchemaNode,
  vocabulary: FuzzVocabulary,
  mode: FuzzMode,
): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const members = Object.fromEntries(
    Object.entries(properties).map(([key, child]) => [key, valueFor(child, vocabulary, mode, key)]),
  );
  const record = fc.record(members, {
    requiredKeys: Object.keys(properties).filter((key) => required.has(key)),
  });
  if (mode === 'well-formed') return record;
  return fc
    .tuple(
      record,
      fc.option(extraFields, { freq: 4 }),
      // Now and then a required member goes missing.
      fc.option(fc.constantFrom(...(required.size > 0 ? [...required] : ['-'])), { freq: 6 }),
    )
    .map(([record, extra, dropped]) => {
      const value: Record<string, unknown> = { ...record, ...(extra ?? {}) };
      if (dropped) delete value[dropped];
      return value;
    });
}

function hostileValueFor(schema: SchemaNode): fc.Arbitrary<unknown> {
  switch (schema.type) {
    case 'string':
      return hostileString;
    case 'number':
    case 'integer':
      return hostileNumber;
    case 'boolean':
      return fc.constantFrom('true', 'yes', 1, 0, null, 'false');
    case 'array':
      return fc.oneof(
        fc.array(anyJson, { maxLength: 3 }),
        fc.array(hostileString, { minLength: 200, maxLength: 300 }),
      );
    default:
      return fc.oneof(fc.array(anyJson, { maxLength: 3 }), hostileString, fc.constant(null));
  }
}

/**
 * Query and path values travel as text: the JSON value is written the way a client would (numbers and
 * booleans as text, objects as JSON).
 */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
