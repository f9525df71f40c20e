import { Logger } from '@nestjs/common';
import { ResolvedArgosClientOptions } from '../config/argos-client-options.interface';
import { ArgosClientError } from '../errors/argos-client.error';
import { argosMessages } from '../errors/argos-client-error.messages';
import { ArgosErrorCode } from '../errors/argos-error-code.enum';
import { ArgosTransport } from '../http/argos-transport.interface';
import { decodeArgosImage, FaceImage } from '../normalization/faceauth-image.decoder';
import {
  FaceAuthListKey,
  FaceAuthListPage,
  FaceAuthRecord,
} from '../normalization/faceauth-record.interface';
import { normalizeListPage } from '../normalization/faceauth-list.normalizer';
import { parseJsonBody } from '../normalization/json-body.parser';
import { CircuitBreaker, CircuitState } from '../resilience/circuit-breaker';
import {
  CallOptions,
  ListResultsPageQuery,
  ListResultsQuery,
  SubmitFaceImageInput,
} from './argos-call.interface';
import { validateId, validateListQuery, validateSubmitInput } from './argos-client-input.validator';
import { ArgosRequestExecutor } from './argos-request.executor';
import { readLookupResponse, readSubmitResponse } from './argos-response.reader';
import { buildFaceAuthForm } from './faceauth-upload.form';

/**
 * Typed, resilient client of the Argos Add-on API for **one** FaceAuth project (its own API key and
 * circuit breaker). Build it with `createArgosClient` or get it from `ArgosClientRegistry`.
 *
 * Every method throws {@link ArgosClientError} on failure. GET and DELETE are retried on 5xx, timeouts
 * and connection errors; `submitFaceImage` only when the request provably never left (connection
 * refused, connect timeout, DNS). 4xx are never retried.
 */
export class ArgosClient {
  /** Name of the configured project this client speaks for. */
  readonly project: string;
  readonly #executor: ArgosRequestExecutor;
  readonly #breaker: CircuitBreaker;
  readonly #maxImageBytes: number;

  constructor(
    project: string,
    apiKey: string,
    options: ResolvedArgosClientOptions,
    transport: ArgosTransport,
  ) {
    this.project = project;
    const logger = new Logger(`ArgosClient:${project}`);
    this.#breaker = new CircuitBreaker(options.breaker, options.now, (state) => {
      if (state === 'open') logger.warn('Argos circuit opened: calls fail fast with ARGOS_UNAVAILABLE');
      else logger.log(`Argos circuit ${state}`);
      options.observer?.circuitChanged(project, state);
    });
    this.#executor = new ArgosRequestExecutor(apiKey, options, transport, this.#breaker, project);
    this.#maxImageBytes = options.maxImageBytes;
  }

  /**
   * `POST /faceauth` (multipart): compares a selfie with an approved submission. A rejection is a
   * normal result (`status: 'rejected'`), not an error. Refuses empty images (INVALID_INPUT) and images
   * over `maxImageBytes` (IMAGE_TOO_LARGE) before any call.
   */
  async submitFaceImage(input: SubmitFaceImageInput, options?: CallOptions): Promise<FaceAuthRecord> {
    validateSubmitInput(input, this.#maxImageBytes);
    return this.#executor.execute(
      {
        operation: 'submitFaceImage',
        method: 'POST',
        path: '/faceauth',
        body: () => buildFaceAuthForm(input),
        parse: (response) => readSubmitResponse(parseJsonBody(response.body, 'submitFaceImage'), input),
      },
      options,
    );
  }

  /** `GET /faceauth?authId=`: one record with scores. `ARGOS_NOT_FOUND` when Argos has none. */
  async getResult(authId: string, options?: CallOptions): Promise<FaceAuthRecord> {
    const id = validateId(authId, 'getResult', 'authId');
    return this.#executor.execute(
      {
        operation: 'getResult',
        method: 'GET',
        path: '/faceauth',
        query: { authId: id },
        parse: (response) => readLookupResponse(parseJsonBody(response.body, 'getResult'), id),
      },
      options,
    );
  }

  /**
   * Every record matching the filters, following `nextPage_key` → `nextKey_id`/`nextKey_date` until
   * the last page. Each page is one call (own retries and deadline). A record id already yielded is
   * skipped; a repeated continuation key ends the iteration with `ARGOS_BAD_RESPONSE` (a loop).
   * Filters are validated at once (INVALID_INPUT), before iteration starts.
   */
  listResults(query: ListResultsQuery = {}, options?: CallOptions): AsyncIterable<FaceAuthRecord> {
    return this.iterate(validateListQuery(query), options);
  }

  /** One page of `GET /faceauth`, for callers that persist the continuation key themselves. */
  async listResultsPage(query: ListResultsPageQuery = {}, options?: CallOptions): Promise<FaceAuthListPage> {
    const filters = validateListQuery(query);
    const params: Record<string, string | number> = {};
    if (filters.startDate !== undefined && filters.endDate !== undefined)
      Object.assign(params, { startDate: filters.startDate, endDate: filters.endDate });
    if (filters.count !== undefined) params.count = filters.count;
    if (query.next !== undefined)
      Object.assign(params, { nextKey_id: query.next.authId, nextKey_date: query.next.createTime });
    return this.#executor.execute(
      {
        operation: 'listResults',
        method: 'GET',
        path: '/faceauth',
        query: params,
        parse: (response) => normalizeListPage(parseJsonBody(response.body, 'listResults'), 'listResults'),
      },
      options,
    );
  }

  /** `GET /faceauth/image`: the selfie, decoded from base64, typed by magic bytes (JPEG or PNG). */
  async getImage(authId: string, options?: CallOptions): Promise<FaceImage> {
    const id = validateId(authId, 'getImage', 'authId');
    return this.#executor.execute(
      {
        operation: 'getImage',
        method: 'GET',
        path: '/faceauth/image',
        query: { authId: id },
        parse: (response) => decodeArgosImage(response.body),
      },
      options,
    );
  }

  /**
   * `DELETE /faceauth?authId=` (Argos keeps only id, status and time). `ARGOS_NOT_FOUND` when the
   * record is unknown on the first attempt; resolves when a retry finds it gone after an ambiguous
   * failure (the earlier attempt may have deleted it).
   */
  async deleteResult(authId: string, options?: CallOptions): Promise<void> {
    const id = validateId(authId, 'deleteResult', 'authId');
    await this.#executor.execute(
      {
        operation: 'deleteResult',
        method: 'DELETE',
        path: '/faceauth',
        query: { authId: id },
        parse: () => undefined,
        notFoundAfterRetry: () => undefined,
      },
      options,
    );
  }

  /** State of this project's circuit breaker. */
  circuitState(): CircuitState {
    return this.#breaker.state();
  }

  private async *iterate(filters: ListResultsQuery, options?: CallOptions): AsyncGenerator<FaceAuthRecord> {
    const seenKeys = new Set<string>();
    const seenIds = new Set<string>();
    let next: FaceAuthListKey | undefined;
    do {
      const page = await this.listResultsPage({ ...filters, next }, options);
      for (const record of page.records) {
        // Defensive: a vendor page boundary that repeats its last record must not yield it twice.
        if (seenIds.has(record.authId)) continue;
        seenIds.add(record.authId);
        yield record;
      }
      next = page.next;
      if (next !== undefined) {
        const key = JSON.stringify([next.authId, next.createTime]);
        if (seenKeys.has(key)) {
          throw new ArgosClientError(
            { code: ArgosErrorCode.BAD_RESPONSE, operation: 'listResults', attempts: 1 },
            argosMessages.malformed('listResults', 'nextPage_key repeats an earlier key (pagination loop)'),
          );
        }
        seenKeys.add(key);
      }
    } while (next !== undefined);
  }
}
