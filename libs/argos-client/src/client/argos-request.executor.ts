import { randomUUID } from 'node:crypto';
import { ResolvedArgosClientOptions } from '../config/argos-client-options.interface';
import { argosMessages as m } from '../errors/argos-client-error.messages';
import { ArgosClientError } from '../errors/argos-client.error';
import { ArgosErrorCode } from '../errors/argos-error-code.enum';
import { ArgosOperation } from '../errors/argos-operation.type';
import { ArgosFailure } from '../http/argos-failure.interface';
import { ArgosHttpMethod, ArgosHttpResponse, ArgosTransport } from '../http/argos-transport.interface';
import { classifyHttpFailure } from '../http/http-failure.classifier';
import { abortedFailure, circuitOpenFailure } from '../http/transport-failure.mapper';
import { abortableDelay } from '../resilience/abortable.delay';
import { CircuitBreaker } from '../resilience/circuit-breaker';
import { decideRetry } from '../resilience/retry.policy';
import { CallOptions } from './argos-call.interface';
import { runAttempt } from './argos-attempt.runner';

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
    private readonly project = '',
  ) {
    this.#apiKey = apiKey;
  }

  /** Runs the call and tells the observer (if any) how it ended. */
  async execute<T>(spec: ArgosCallSpec<T>, call: CallOptions = {}): Promise<T> {
    const observer = this.options.observer;
    try {
      const [value, attempts] = await this.run(spec, call);
      observer?.callCompleted(this.project, spec.operation, 'success', attempts);
      return value;
    } catch (error) {
      if (observer) {
        const code = error instanceof ArgosClientError ? error.code : 'error';
        observer.callCompleted(
          this.project,
          spec.operation,
          code,
          error instanceof ArgosClientError ? error.attempts : 1,
        );
      }
      throw error;
    }
  }

  /** Resolves with the value and the number of HTTP attempts it took. */
  private async run<T>(spec: ArgosCallSpec<T>, call: CallOptions): Promise<[T, number]> {
    const requestId = call.requestId ?? randomUUID();
    const deadlineAt = performance.now() + this.options.timeouts.deadlineMs;
    let last: ArgosFailure | undefined;
    for (let attempt = 1; ; attempt += 1) {
      if (call.signal?.aborted)
        throw this.toError(spec, abortedFailure(spec.operation), attempt - 1, requestId);
      const permit = this.breaker.tryAcquire();
      if (permit === undefined) {
        // When the circuit opened during our own retries, the real failure says more than "circuit open".
        const failure = last ?? circuitOpenFailure(spec.operation, this.breaker.msUntilHalfOpen());
        throw this.toError(spec, failure, attempt - 1, requestId);
      }
      const result = await runAttempt(
        this.transport,
        {
          method: spec.method,
          path: spec.path,
          query: spec.query,
          headers: { 'x-api-key': this.#apiKey, 'x-request-id': requestId },
          body: spec.body?.(),
        },
        spec.operation,
        {
          perAttemptMs:
            spec.method === 'POST' ? this.options.timeouts.uploadMs : this.options.timeouts.requestMs,
          remainingMs: deadlineAt - performance.now(),
        },
        call.signal,
      );
      if ('response' in result && isSuccess(result.response)) {
        this.breaker.record(permit, 'success');
        return [this.parse(spec, result.response, attempt, requestId), attempt];
      }
      const failure = 'failure' in result ? result.failure : this.classify(spec.operation, result.response);
      this.breaker.record(permit, failure.breaker === 'healthy' ? 'success' : failure.breaker);
      if (failure.code === ArgosErrorCode.NOT_FOUND && last !== undefined && spec.notFoundAfterRetry)
        return [spec.notFoundAfterRetry(), attempt];
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
        throw this.toError(spec, abortedFailure(spec.operation), attempt, requestId);
      }
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
