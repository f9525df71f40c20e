import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import {
  DELETE_ERRORS,
  DELETE_SUCCESS_BODY,
  GATEWAY_ERRORS,
  POST_ERRORS,
  VendorErrorFixture,
} from '../fixtures/faceauth-errors.fixture';
import { IMAGE_BODY } from '../fixtures/faceauth-image.fixture';
import {
  buildRecord,
  deletedRecord,
  flatBody,
  groupedBody,
  VendorRecord,
} from '../fixtures/faceauth-records.fixture';
import { buildSubmitResponse } from '../fixtures/faceauth-submit.fixture';

/** The Add-on API routes the fixture server answers, below `/v3`. */
export type VendorRoute = 'GET /faceauth' | 'GET /faceauth/image' | 'DELETE /faceauth' | 'POST /faceauth';

/** Which documented `GET /faceauth` shape lists are answered in. */
export type ListShape = 'grouped' | 'flat';

/** A request as the fixture server received it, body fully read. */
export interface VendorRequest {
  readonly method: string;
  readonly route: VendorRoute | null;
  readonly url: URL;
  readonly headers: http.IncomingHttpHeaders;
  /** The `x-api-key` header; non-enumerable so that a failing test's diff never prints it. */
  readonly apiKey?: string;
  readonly body: Buffer;
}

/** The fields of one `POST /faceauth` multipart body. */
export interface VendorSubmission {
  readonly authId: string;
  readonly fields: Record<string, string>;
  readonly image: { name: string; type: string; bytes: Buffer };
}

export interface VendorFixtureOptions {
  /** The Add-on API key expected in `x-api-key`; anything else gets the 403 "Forbidden" fixture. */
  apiKey: string;
  /** `faceAuth_projectId` of the grouped shape. Default the sample's `sampleProjectId1`. */
  projectId?: string;
  /** Default `grouped` (the newest documented shape). */
  shape?: ListShape;
  /** Content type of the bare base64 image text (undocumented by Argos). Default `text/plain`. */
  imageContentType?: string;
}

interface ScriptedFailure {
  remaining: number;
  fixture: VendorErrorFixture;
}

/**
 * A real HTTP server on 127.0.0.1 (port 0) answering like the Argos Add-on API, only with bodies built
 * from the vendor's published examples (../fixtures). It holds an in-memory map of records, records every
 * request, turns a record into its deleted shape on `DELETE`, and can be scripted to answer an error
 * fixture for the next N calls of a route.
 *
 * Undocumented behaviours it has to choose (our assumptions): an unknown `authId` on `GET /faceauth` is
 * an empty list in the current shape; on `GET /faceauth/image` and `DELETE` it is the DELETE page's
 * "Cannot find submission" 400; a second `DELETE` of a deleted record succeeds again.
 */
export class VendorFixtureServer {
  readonly requests: VendorRequest[] = [];
  readonly submissions: VendorSubmission[] = [];
  shape: ListShape;
  imageContentType: string;
  /** What the next `POST /faceauth` decides. */
  submitOutcome: 'approved' | 'rejected' = 'approved';
  private readonly records = new Map<string, VendorRecord>();
  private readonly scripted = new Map<VendorRoute, ScriptedFailure>();
  private submitted = 0;

  private constructor(
    private readonly server: http.Server,
    private readonly options: VendorFixtureOptions,
  ) {
    this.shape = options.shape ?? 'grouped';
    this.imageContentType = options.imageContentType ?? 'text/plain';
  }

  static async start(options: VendorFixtureOptions): Promise<VendorFixtureServer> {
    const server = http.createServer();
    const fixture = new VendorFixtureServer(server, options);
    server.on('request', (req, res) => fixture.receive(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fixture;
  }

  /** Base URL as a client is configured with it (with the `/v3` prefix of the real API). */
  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v3`;
  }

  get projectId(): string {
    return this.options.projectId ?? 'sampleProjectId1';
  }

  /** Adds or replaces a record (a vendor body, e.g. from `buildRecord` or a verbatim sample). */
  putRecord(record: VendorRecord): void {
    this.records.set(record.auth_id, structuredClone(record));
  }

  record(authId: string): VendorRecord | undefined {
    return this.records.get(authId);
  }

  /** The `authId` of every `DELETE /faceauth` received, in order (including refused ones). */
  get deletes(): string[] {
    return this.requests
      .filter((request) => request.route === 'DELETE /faceauth')
      .map((request) => request.url.searchParams.get('authId') ?? '');
  }

  /** Answers `fixture` to the next `count` calls of `route`, then behaves normally again. */
  failNext(route: VendorRoute, count: number, fixture: VendorErrorFixture): void {
    this.scripted.set(route, { remaining: count, fixture });
  }

  clearScripts(): void {
    this.scripted.clear();
  }

  /** Forgets records, requests, submissions and scripts (the shape and content type stay). */
  reset(): void {
    this.records.clear();
    this.requests.length = 0;
    this.submissions.length = 0;
    this.scripted.clear();
    this.submitOutcome = 'approved';
    this.submitted = 0;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private receive(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const { 'x-api-key': apiKey, ...headers } = req.headers;
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const request: VendorRequest = Object.defineProperty(
        {
          method: req.method ?? '',
          route: routeOf(req.method ?? '', url.pathname),
          url,
          headers,
          body: Buffer.concat(chunks),
        },
        'apiKey',
        { value: typeof apiKey === 'string' ? apiKey : undefined, enumerable: false },
      );
      this.requests.push(request);
      this.answer(request)
        .then(({ status, body, contentType }) => send(res, status, body, contentType))
        .catch((error: unknown) => send(res, 500, { message: `fixture server bug: ${String(error)}` }));
    });
  }

  private async answer(request: VendorRequest): Promise<Reply> {
    if (request.route === null) return json(404, { message: 'Not Found' });
    if (request.apiKey !== this.options.apiKey) return fromFixture(GATEWAY_ERRORS.forbidden);
    const failure = this.scripted.get(request.route);
    if (failure && failure.remaining > 0) {
      failure.remaining -= 1;
      return fromFixture(failure.fixture);
    }
    const authId = request.url.searchParams.get('authId');
    switch (request.route) {
      case 'GET /faceauth':
        return json(200, this.list(authId === null ? [...this.records.values()] : this.lookup(authId)));
      case 'GET /faceauth/image':
        return this.image(authId);
      case 'DELETE /faceauth':
        return this.delete(authId);
      case 'POST /faceauth':
        return this.submit(request);
      default: {
        const unreachable: never = request.route;
        throw new Error(`unhandled route ${String(unreachable)}`);
      }
    }
  }

  private lookup(authId: string): VendorRecord[] {
    const record = this.records.get(authId);
    return record ? [record] : [];
  }

  private list(records: VendorRecord[]): unknown {
    return this.shape === 'grouped' ? groupedBody(this.projectId, records) : flatBody(records);
  }

  private image(authId: string | null): Reply {
    if (!authId) return json(400, { errorCode: 'authId is required' });
    const record = this.records.get(authId);
    if (!record || record.delete_check) return fromFixture(DELETE_ERRORS.cannotFind);
    return { status: 200, body: IMAGE_BODY, contentType: this.imageContentType };
  }

  private delete(authId: string | null): Reply {
    if (!authId) return fromFixture(DELETE_ERRORS.requiredKeyMissing);
    const record = this.records.get(authId);
    if (!record) return fromFixture(DELETE_ERRORS.cannotFind);
    this.records.set(authId, deletedRecord(record));
    return json(200, DELETE_SUCCESS_BODY);
  }

  private async submit(request: VendorRequest): Promise<Reply> {
    const form = await new Response(new Uint8Array(request.body), {
      headers: { 'content-type': String(request.headers['content-type'] ?? '') },
    })
      .formData()
      .catch(() => null);
    const submissionId = form?.get('submissionId');
    const faceImage = form?.get('faceImage');
    if (!form || typeof submissionId !== 'string' || !submissionId || !(faceImage instanceof Blob))
      return fromFixture(POST_ERRORS.requiredFieldMissing);
    this.submitted += 1;
    const authId = `fixture-auth-${this.submitted}`;
    const fields: Record<string, string> = {};
    form.forEach((value, name) => {
      if (typeof value === 'string') fields[name] = value;
    });
    this.submissions.push({
      authId,
      fields,
      image: {
        name: faceImage instanceof File ? faceImage.name : '',
        type: faceImage.type,
        bytes: Buffer.from(await faceImage.arrayBuffer()),
      },
    });
    const body = buildSubmitResponse(authId, this.submitOutcome);
    this.putRecord(
      buildRecord({ authId, submissionId, status: body.auth_status, createTime: body.create_time }),
    );
    return json(200, body);
  }
}

interface Reply {
  status: number;
  body: unknown;
  /** Set for a raw text body; JSON otherwise. */
  contentType?: string;
}

const json = (status: number, body: unknown): Reply => ({ status, body });
const fromFixture = (fixture: VendorErrorFixture): Reply => json(fixture.status, fixture.body);

function routeOf(method: string, pathname: string): VendorRoute | null {
  if (pathname === '/v3/faceauth' && ['GET', 'DELETE', 'POST'].includes(method))
    return `${method} /faceauth` as VendorRoute;
  if (pathname === '/v3/faceauth/image' && method === 'GET') return 'GET /faceauth/image';
  return null;
}

function send(res: http.ServerResponse, status: number, body: unknown, contentType?: string): void {
  const text = contentType === undefined ? JSON.stringify(body) : String(body);
  res.writeHead(status, {
    'content-type': contentType ?? 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
