import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ArgosApiError, argosErrors } from '../rest/argos-api.error';
import { CallStatsRecorder } from '../stats/call-stats.recorder';
import { FaultScheduleStore } from './fault-schedule.store';
import { DEFAULT_SLOW_MS, FAULT_KINDS, FaultKind, isFaultKind } from './fault.type';

export const FAULT_HEADER = 'x-sandbox-fault';
export const LATENCY_HEADER = 'x-sandbox-latency-ms';
export const REDIRECT_TARGET = '/__sandbox/redirect-target';

/**
 * Applies a fault to a REST call before Argos' gateway checks run: the `x-sandbox-fault` header
 * wins, else the next armed fault for the operation. Runs as a Fastify `onRequest` hook because
 * `hang` and `reset` need the raw connection, before any body is read.
 */
@Injectable()
export class FaultInjector {
  constructor(
    private readonly schedule: FaultScheduleStore,
    private readonly stats: CallStatsRecorder,
  ) {}

  /** Returns true when the fault answered (or swallowed) the request and the route must not run. */
  async intercept(operation: string, request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    const header = request.headers[FAULT_HEADER];
    let fault: { kind: FaultKind; latencyMs: number } | undefined;
    if (typeof header === 'string' && header !== '') {
      if (!isFaultKind(header)) {
        void reply.code(400).send({ message: `${FAULT_HEADER} must be one of ${FAULT_KINDS.join(', ')}` });
        return true;
      }
      fault = { kind: header, latencyMs: latencyFromHeader(request.headers[LATENCY_HEADER], header) };
    } else {
      fault = this.schedule.take(operation);
    }
    if (!fault) return false;
    this.stats.recordFault(fault.kind);
    if (fault.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
    return this.apply(fault.kind, request, reply);
  }

  private apply(kind: FaultKind, request: FastifyRequest, reply: FastifyReply): boolean {
    switch (kind) {
      case 'slow':
        return false;
      case 'hang':
        // Hijacked and never written: the client waits until it gives up or the sandbox closes.
        reply.hijack();
        return true;
      case 'reset':
        reply.hijack();
        request.raw.socket.destroy();
        return true;
      case 'redirect':
        void reply.code(307).header('location', REDIRECT_TARGET).send();
        return true;
      default:
        send(reply, errorFor(kind));
        return true;
    }
  }
}

function errorFor(kind: Exclude<FaultKind, 'slow' | 'hang' | 'reset' | 'redirect'>): ArgosApiError {
  switch (kind) {
    case '500':
      return argosErrors.internal();
    case '502':
      return argosErrors.badGateway();
    case '403-deny':
      return argosErrors.ipDenied();
    case '403-key':
      return argosErrors.forbidden();
    case '413':
      return argosErrors.tooLarge();
    case '400':
      return argosErrors.detailed('error in processing data', 'Injected fault');
    case '400-bare':
      return argosErrors.bare('invalid_data_format');
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

function send(reply: FastifyReply, error: ArgosApiError): void {
  void reply.code(error.status).header('content-type', 'application/json').send(JSON.stringify(error.body));
}

function latencyFromHeader(value: string | string[] | undefined, kind: FaultKind): number {
  const parsed = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined;
  return parsed ?? (kind === 'slow' ? DEFAULT_SLOW_MS : 0);
}
