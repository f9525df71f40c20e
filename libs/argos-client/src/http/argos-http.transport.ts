import { AxiosInstance } from 'axios';
import { ArgosHttpRequest, ArgosHttpResponse, ArgosTransport } from './argos-transport.interface';
import { classifyTransportError } from './transport-error.classifier';

/**
 * {@link ArgosTransport} on the axios instance built by `createArgosAxiosInstance` (a provider).
 * Never lets an axios error escape: those carry the request config, headers (the API key) and body
 * (the image).
 *
 * Why not `@nestjs/axios`' HttpService: that package is ESM-only and binds to axios' ESM build while
 * this CommonJS lib gets its CJS build; the two `AxiosInstance` types do not unify and at run time two
 * axios copies would meet. The instance-as-provider pattern is the same.
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
