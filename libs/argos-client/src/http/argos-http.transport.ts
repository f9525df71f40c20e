import type { AxiosInstance } from 'axios' with { 'resolution-mode': 'import' };
import { ArgosHttpRequest, ArgosHttpResponse, ArgosTransport } from './argos-transport.interface';
import { classifyTransportError } from './transport-error.classifier';

/**
 * {@link ArgosTransport} on an axios instance: in a Nest app the one `HttpService.axiosRef` holds
 * (configured by `HttpModule.registerAsync`), without Nest the one `createArgosAxiosInstance` derives
 * from it.
 * Never lets an axios error escape: those carry the request config, headers (the API key) and body
 * (the image).
 *
 * It calls `axiosRef.request` rather than `HttpService.request`: the executor is promise-based and aborts
 * each attempt with its own `AbortSignal`, so the Observable wrapper would only add a CancelToken per call
 * and a second rxjs build (this CommonJS lib's) to subscribe to it.
 */
export class AxiosArgosTransport implements ArgosTransport {
  constructor(private readonly axios: AxiosInstance) {}

  async send(request: ArgosHttpRequest): Promise<ArgosHttpResponse> {
    try {
      const response = await this.axios.request<unknown>({
        method: request.method,
        url: request.path,
        params: request.query,
        headers: request.headers,
        data: request.body,
        signal: request.signal,
      });
      return {
        status: response.status,
        headers: flattenHeaders(response.headers),
        body: toBuffer(response.data),
      };
    } catch (error: unknown) {
      throw classifyTransportError(error, request.signal);
    }
  }

  close(): void {
    const { httpAgent, httpsAgent } = this.axios.defaults;
    for (const agent of [httpAgent, httpsAgent]) {
      if (typeof agent === 'object' && agent !== null && typeof agent.destroy === 'function') agent.destroy();
    }
  }
}

function flattenHeaders(headers: object): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === 'string' || typeof value === 'number') flat[name.toLowerCase()] = String(value);
    else if (Array.isArray(value)) flat[name.toLowerCase()] = value.join(', ');
  }
  return flat;
}

function toBuffer(data: unknown): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  return Buffer.alloc(0);
}
