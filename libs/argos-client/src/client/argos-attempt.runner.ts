import { ArgosOperation } from '../errors/argos-operation.type';
import { ArgosFailure } from '../http/argos-failure.interface';
import { ArgosTransportError } from '../http/argos-transport.error';
import { ArgosHttpRequest, ArgosHttpResponse, ArgosTransport } from '../http/argos-transport.interface';
import { abortedFailure, mapTransportFailure, timeoutFailure } from '../http/transport-failure.mapper';

/** A response of any status, or why there is none. */
export type AttemptResult = { readonly response: ArgosHttpResponse } | { readonly failure: ArgosFailure };

export interface AttemptBudget {
  /** The configured per-attempt timeout (request or upload). */
  readonly perAttemptMs: number;
  /** Time left before the call's overall deadline. */
  readonly remainingMs: number;
}

/**
 * Sends one attempt under one timer that bounds the whole exchange, body included, so a trickling
 * body cannot outlive it. The timer is the per-attempt timeout or what is left of the deadline,
 * whichever is shorter. The caller's signal is forwarded; afterwards we tell a timeout from a
 * caller abort by which of the two fired.
 */
export async function runAttempt(
  transport: ArgosTransport,
  request: Omit<ArgosHttpRequest, 'signal'>,
  operation: ArgosOperation,
  budget: AttemptBudget,
  signal?: AbortSignal,
): Promise<AttemptResult> {
  const budgetMs = Math.max(1, Math.min(budget.perAttemptMs, Math.floor(budget.remainingMs)));
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, budgetMs);
  const forwardAbort = (): void => controller.abort();
  signal?.addEventListener('abort', forwardAbort, { once: true });
  try {
    return { response: await transport.send({ ...request, signal: controller.signal }) };
  } catch (error: unknown) {
    if (signal?.aborted) return { failure: abortedFailure(operation) };
    if (timedOut) return { failure: timeoutFailure(operation, budgetMs, budgetMs < budget.perAttemptMs) };
    const kind = error instanceof ArgosTransportError && error.kind !== 'aborted' ? error.kind : 'network';
    return { failure: mapTransportFailure(operation, kind) };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forwardAbort);
  }
}
