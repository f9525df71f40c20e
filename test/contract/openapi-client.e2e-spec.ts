import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import * as ts from 'typescript';

/**
 * Issue 19: a client generated from the committed contract with openapi-typescript reads `error.code` as the
 * route's own codes. Types are generated from openapi.json into a temporary directory, next to a file that uses
 * them the way a client would; the TypeScript compiler (strict) must accept the valid uses and reject (through
 * `@ts-expect-error`) a code the route never answers with, which would compile were `code` a free string, and
 * the valid use would not compile were it `never`.
 */
const CONTRACT = join(__dirname, '../../openapi.json');

const CLIENT = `
import type { components, paths } from './api';

type LinksCreate = paths['/v1/links']['post']['responses'];
type E400 = LinksCreate[400]['content']['application/json'];
type E409 = LinksCreate[409]['content']['application/json'];

// The route's own codes are accepted...
const code: E400['code'] = 'VALIDATION_FAILED';
const conflict: E409['code'] = 'IDEMPOTENCY_KEY_REUSED';

// ...and a code the route never answers with at that status is not.
// @ts-expect-error TOKEN_TAKEN is a 409 of this route, not a 400
const wrong: E400['code'] = 'TOKEN_TAKEN';
// @ts-expect-error no route answers with a code outside the list
const unknown: components['schemas']['ErrorEnvelope']['code'] = 'NO_SUCH_CODE';

/** A client's error handler: narrowing on the code is exhaustive. */
function describe400(error: E400): string {
  switch (error.code) {
    case 'VALIDATION_FAILED':
    case 'BAD_REQUEST':
      return 'fix the field: ' + error.message;
    case 'UNKNOWN_PROJECT':
    case 'INVALID_POLICY':
    case 'INVALID_LINK_CONTEXT':
      return 'fix the link: ' + error.message;
    default: {
      const unreachable: never = error.code;
      return unreachable;
    }
  }
}

export const used = [code, conflict, wrong, unknown, describe400];
`;

/** Generates `api.ts` from the document into `directory`, writes CLIENT beside it, type-checks it (strict). */
async function compileAgainst(document: unknown, directory: string): Promise<string[]> {
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0]);
  writeFileSync(join(directory, 'api.ts'), astToString(ast));
  const clientFile = join(directory, 'client.ts');
  writeFileSync(clientFile, CLIENT);
  const program = ts.createProgram([clientFile], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    skipLibCheck: true,
    types: [],
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

describe('typed client generated from openapi.json (openapi-typescript)', () => {
  let directory: string;

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'faceauth-openapi-client-'));
  });
  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it("reads error.code on POST /v1/links as the route's own codes", async () => {
    const diagnostics = await compileAgainst(JSON.parse(readFileSync(CONTRACT, 'utf8')), directory);
    expect(diagnostics).toEqual([]);
  }, 60_000);

  it('would catch a free-string or `never` code (the same file against a loose schema fails)', async () => {
    const contract = JSON.parse(readFileSync(CONTRACT, 'utf8')) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    // What the document said before issue 19: every error answer is the bare envelope, `code` a free string.
    const envelope = { $ref: '#/components/schemas/ErrorEnvelope' };
    for (const status of ['400', '409']) {
      contract.paths['/v1/links']['post'].responses[status] = {
        description: 'loose',
        content: { 'application/json': { schema: envelope } },
      };
    }
    const loose = contract as unknown as {
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    loose.components.schemas['ErrorEnvelope'].properties['code'] = { type: 'string' };
    const looseDir = join(directory, 'loose');
    mkdirSync(looseDir);
    const diagnostics = await compileAgainst(contract, looseDir);
    expect(diagnostics.join('\n')).toMatch(/Unused '@ts-expect-error' directive/);
  }, 60_000);
});
