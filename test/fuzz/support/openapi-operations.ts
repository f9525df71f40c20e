import { OpenAPIObject } from '@nestjs/swagger';

/** A JSON-Schema node as the Swagger module emits it (the subset the fuzzer reads). */
export interface SchemaNode {
  $ref?: string;
  allOf?: SchemaNode[];
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  minimum?: number;
  maximum?: number;
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  nullable?: boolean;
}

export interface OperationParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: SchemaNode;
}

export type OperationBody =
  { kind: 'none' } | { kind: 'json'; schema: SchemaNode } | { kind: 'multipart'; schema: SchemaNode };

/** One operation of the OpenAPI document, with every `$ref` of its inputs resolved. */
export interface FuzzOperation {
  /** `GET /v1/links/{id}`: the name a failing test carries. */
  name: string;
  method: string;
  /** The OpenAPI path template, `/v1/links/{id}`. */
  path: string;
  parameters: OperationParameter[];
  body: OperationBody;
  /** Whether the document declares credentials for it (admin routes); public routes declare none. */
  secured: boolean;
  /**
   * Error statuses the document describes as an HTML page rather than the JSON envelope (the public short
   * link answers the person holding it with a page).
   */
  htmlErrorStatuses: number[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface RawParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: SchemaNode;
}

interface RawOperation {
  parameters?: RawParameter[];
  responses?: Record<string, { description?: string }>;
  requestBody?: { content?: Record<string, { schema?: SchemaNode }> };
  security?: unknown[];
}

/** Every operation under `paths`, in document order. */
export function operationsOf(document: OpenAPIObject): FuzzOperation[] {
  const resolve = (node: SchemaNode | undefined): SchemaNode => resolveSchema(document, node ?? {});
  const operations: FuzzOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const raw = (item as Record<string, RawOperation | undefined>)[method];
      if (!raw) continue;
      const parameters = (raw.parameters ?? [])
        .filter((p) => p.in === 'path' || p.in === 'query' || p.in === 'header')
        .map((p) => ({
          name: p.name,
          in: p.in as OperationParameter['in'],
          required: p.required ?? p.in === 'path',
          schema: resolve(p.schema),
        }));
      operations.push({
        name: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        parameters,
        body: bodyOf(raw, resolve),
        secured: (raw.security ?? []).length > 0,
        htmlErrorStatuses: Object.entries(raw.responses ?? {})
          .filter(
            ([status, response]) => Number(status) >= 400 && /HTML page/.test(response.description ?? ''),
          )
          .map(([status]) => Number(status)),
      });
    }
  }
  return operations;
}

function bodyOf(raw: RawOperation, resolve: (node: SchemaNode | undefined) => SchemaNode): OperationBody {
  const content = raw.requestBody?.content ?? {};
  if (content['multipart/form-data'])
    return { kind: 'multipart', schema: resolve(content['multipart/form-data'].schema) };
  if (content['application/json'])
    return { kind: 'json', schema: resolve(content['application/json'].schema) };
  return { kind: 'none' };
}

/** Inlines `$ref`s and single-member `allOf`s, recursively (the document has no recursive schemas). */
export function resolveSchema(document: OpenAPIObject, node: SchemaNode): SchemaNode {
  if (node.$ref) {
    const name = node.$ref.replace('#/components/schemas/', '');
    const target = document.components?.schemas?.[name] as SchemaNode | undefined;
    if (!target) throw new Error(`the OpenAPI document has no schema ${node.$ref}`);
    return resolveSchema(document, target);
  }
  if (node.allOf && node.allOf.length === 1) {
    const { allOf, ...rest } = node;
    return { ...rest, ...resolveSchema(document, allOf[0]) };
  }
  const resolved: SchemaNode = { ...node };
  if (node.items) resolved.items = resolveSchema(document, node.items);
  if (node.properties) {
    resolved.properties = Object.fromEntries(
      Object.entries(node.properties).map(([key, value]) => [key, resolveSchema(document, value)]),
    );
  }
  return resolved;
}

/** The operation a concrete request URL reaches, by its path template. */
export function operationFor(
  operations: FuzzOperation[],
  method: string,
  url: string,
): FuzzOperation | undefined {
  const path = url.split('?')[0];
  return operations.find(
    (op) =>
      op.method === method &&
      new RegExp(
        '^' + op.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+') + '$',
      ).test(path),
  );
}
