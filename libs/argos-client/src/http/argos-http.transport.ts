import { HttpService } from '@nestjs/axios';
import { lastValueFrom } from 'rxjs';
import { ArgosHttpRequest, ArgosHttpResponse, ArgosTransport } from './argos-transport.interface';
import { classifyTransportError } from './transport-error.classifier';

/**
 * {@link ArgosTransport} on `@nestjs/axios`' HttpService, wrapping the instance built by
 * `createArgosAxiosInstance`. Never lets an axios error escape: those carry the request config,
 * headers (the API key) and body (the image).
 */
export class AxiosArgosTransport implements ArgosTransport {
  constructor(private readonly http: HttpService) {}

  async send(request: ArgosHttpRequest): Promise<ArgosHttpResponse> {
    try {
      const response = await lastValueFrom(
        this.http.request<unknown>({
          method: request.method,
          url: request.path,
          params: request.query,
          headers: request.headers,
          data: request.body,
          signal: request.signal,
        }),
      );
      return { status: response.status, headers: flattenHeaders(response.headers), body: toBuffer(response.data) };
    } catch (error: unknown) {
      throw classifyTransportError(error, request.signal);
    }
  }

  close(): void {
    const { httpAgent, httpsAgent } = this.http.axiosRef.defaults;
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
