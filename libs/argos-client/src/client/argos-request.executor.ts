import { randomUUID } from 'node:crypto';
import { ResolvedArgosClientOptions } from '../config/argos-client-options.interface';
import { argosMessages as m } from '../errors/argos-client-error.messages';
import { ArgosClientError } from '../errors/argos-client.error';
import { ArgosErrorCode } from '../errors/argos-error-code.enum';
import { ArgosOperation } from '../errors/argos-operation.type';
import { ArgosFailure } from '../http/argos-failure.interface';
import { ArgosTransportError } from '../http/argos-transport.error';
import { ArgosHttpMethod, ArgosHttpResponse, ArgosTransport } from '../http/argos-transport.interface';
import { classifyHttpFailure } from '../http/http-failure.classifier';
import { mapTransportFailure } from '../http/transport-failure.mapper';
import { abortableDelay } from '../resilience/abortable.delay';
import { CircuitBreaker } from '../resilience/circuit-breaker';
import { decideRetry } from '../resilience/retry.policy';
import { CallOptions } from './argos-call.interface';

/** One logical call: what to send and how to read a 2xx answer. */
export interface ArgosCallSpec<T> {
  readonly operation: ArgosOperation;
  readonly method: ArgosHttpMethod;
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number>>;
  readonly body?: () => FormData;
  /** Reads a 2xx response; may throw an ArgosClientError (BAD_RESPONSE, NOT_FOUND). */
  readonly parse: (response: ArgosHttpResponse) => T;
  /**
   * For DELETE: the value to resolve with when a retry finds the record gone, since the earlier,
   * ambiguous attempt may have deleted it.
   */
  readonly notFoundAfterRetry?: () => T;
}

type AttemptResult = { readonly response: ArgosHttpResponse } | { readonly failure: ArgosFailure };

/**
 * Runs calls for one client: per-attempt timeout (upload or request), overall deadline, caller
 * abort, circuit breaker, retries per `decideRetry`. Owns the API key and puts it in the `x-api-key`
 * header and nowhere else; vendor text is redacted of it before it reaches an error message.
 */
export class ArgosRequestExecutor {
  readonly #apiKey: string;

  constructor(
    apiKey: string,
    private readonly options: ResolvedArgosClientOptions,
    private readonly transport: ArgosTransport,
    private readonly breaker: CircuitBreaker,
  ) {
    this.#apiKey = apiKey;
  }

  async execute<T>(spec: ArgosCallSpec<T>, call: CallOptions = {}): Promise<T> {
    const requestId = call.requestId ?? randomUUID();
    const deadlineAt = performance.now() + this.options.timeouts.deadlineMs;
    let last: ArgosFailure | undefined;
    for (let attempt = 1; ; attempt += 1) {
      if (call.signal?.aborted) throw this.toError(spec, aborted(spec.operation), attempt - 1, requestId);
      const permit = this.breaker.tryAcquire();
      if (permit === undefined)
        throw this.toError(spec, last ?? this.circuitOpen(spec.operation), attempt - 1, requestId);
      const result = await this.attempt(spec, requestId, deadlineAt, call.signal);
      if ('response' in result && isSuccess(result.response)) {
        this.breaker.record(permit, 'success');
        return this.parse(spec, result.response, attempt, requestId);
      }
      const failure = 'failure' in result ? result.failure : this.classify(spec.operation, result.response);
      this.breaker.record(permit, failure.breaker === 'healthy' ? 'success' : failure.breaker);
      if (failure.code === ArgosErrorCode.NOT_FOUND && last !== undefined && spec.notFoundAfterRetry)
        return spec.notFoundAfterRetry();
      const decision = decideRetry(
        {
          retryability: failure.retryability,
          idempotent: spec.method !== 'POST',
          attempt,
          retryAfterMs: failure.retryAfterMs,
          remainingMs: deadlineAt - performance.now(),
        },
        this.options.retry,
        this.options.random,
      );
      if (!decision.retry) throw this.toError(spec, failure, attempt, requestId);
      last = failure;
      try {
        await abortableDelay(decision.delayMs, call.signal);
      } catch {
        throw this.toError(spec, aborted(spec.operation), attempt, requestId);
      }
    }
  }

  private async attempt<T>(
    spec: ArgosCallSpec<T>,
    requestId: string,
    deadlineAt: number,
    signal?: AbortSignal,
  ): Promise<AttemptResult> {
    const perAttemptMs =
      spec.method === 'POST' ? this.options.timeouts.uploadMs : this.options.timeouts.requestMs;
    const budgetMs = Math.max(1, Math.min(perAttemptMs, Math.floor(deadlineAt - performance.now())));
    const controller = new AbortController();
    let timedOut = false;
    // One timer bounds the whole exchange, body included: a trickling body cannot outlive it.
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, budgetMs);
    const forwardAbort = (): void => controller.abort();
    signal?.addEventListener('abort', forwardAbort, { once: true });
    try {
      const response = await this.transport.send({
        method: spec.method,
        path: spec.path,
        query: spec.query,
        headers: { 'x-api-key': this.#apiKey, 'x-request-id': requestId },
        body: spec.body?.(),
        signal: controller.signal,
      });
      return { response };
    } catch (error: unknown) {
      if (signal?.aborted) return { failure: aborted(spec.operation) };
      if (timedOut) {
        const message =
          budgetMs < perAttemptMs ? m.deadline(spec.operation) : m.attemptTimeout(spec.operation, budgetMs);
        return {
          failure: { code: ArgosErrorCode.TIMEOUT, message, retryability: 'idempotent', breaker: 'failure' },
        };
      }
      const kind = error instanceof ArgosTransportError && error.kind !== 'aborted' ? error.kind : 'network';
      return { failure: mapTransportFailure(spec.operation, kind) };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forwardAbort);
    }
  }

  private classify(operation: ArgosOperation, response: ArgosHttpResponse): ArgosFailure {
    return classifyHttpFailure(operation, response, (text) => this.redact(text), Date.now());
  }

  private parse<T>(
    spec: ArgosCallSpec<T>,
    response: ArgosHttpResponse,
    attempts: number,
    requestId: string,
  ): T {
    try {
      return spec.parse(response);
    } catch (error: unknown) {
      // A normaliser bug must still surface as a typed error, never as a crash of the caller.
      const typed =
        error instanceof ArgosClientError
          ? error
          : new ArgosClientError(
              { code: ArgosErrorCode.BAD_RESPONSE, operation: spec.operation, attempts },
              m.malformed(spec.operation, 'the body could not be read'),
            );
      throw typed.withContext({ attempts, requestId, operation: spec.operation, status: response.status });
    }
  }

  private circuitOpen(operation: ArgosOperation): ArgosFailure {
    const retryAfterMs = this.breaker.msUntilHalfOpen();
    return {
      code: ArgosErrorCode.UNAVAILABLE,
      message: m.circuitOpen(operation),
      retryability: 'never',
      breaker: 'neutral',
      retryAfterMs,
    };
  }

  private toError<T>(
    spec: ArgosCallSpec<T>,
    failure: ArgosFailure,
    attempts: number,
    requestId: string,
  ): ArgosClientError {
    const { code, status, vendorCode, traceId, retryAfterMs } = failure;
    return new ArgosClientError(
      {
        code,
        operation: spec.operation,
        attempts,
        status,
        vendorCode,
        requestId: traceId ?? requestId,
        retryAfterSeconds: retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000),
      },
      failure.message,
    );
  }

  private redact(text: string): string {
    return text.split(this.#apiKey).join('[redacted]');
  }
}

function isSuccess(response: ArgosHttpResponse): boolean {
  return response.status >= 200 && response.status < 300;
}

function aborted(operation: ArgosOperation): ArgosFailure {
  return {
    code: ArgosErrorCode.ABORTED,
    message: m.aborted(operation),
    retryability: 'never',
    breaker: 'neutral',
  };
}
