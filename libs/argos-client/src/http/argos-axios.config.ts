import * as http from 'node:http';
import * as https from 'node:https';
import type { AxiosRequestConfig } from 'axios' with { 'resolution-mode': 'import' };
import { ResolvedArgosClientOptions } from '../config/argos-client-options.interface';
import { withConnectTimeout } from './connect-timeout.agent';

// Multipart framing around the image: boundaries, part headers and the small text fields.
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/**
 * The axios settings of the Argos transport, built once per module (the `HttpModule.registerAsync` factory)
 * or per `createArgosTransport` call, from the resolved options.
 *
 * - `maxRedirects: 0`: a 3xx comes back as a response and becomes ARGOS_BAD_RESPONSE, never followed
 *   (a redirect would resend the x-api-key header to wherever it points).
 * - `validateStatus` accepts everything: statuses are mapped by the executor, not thrown by axios.
 * - `responseType: 'arraybuffer'`: raw bytes, parsed defensively by the normalisers.
 * - `proxy: false`: no proxy from environment variables (the lib never reads the environment).
 * - No axios `timeout` (it is an idle timeout that a trickling body defeats): the executor aborts each
 *   attempt with its own timer; keep-alive agents with a connect timeout.
 */
export function argosAxiosConfig(options: ResolvedArgosClientOptions): AxiosRequestConfig {
  const connectMs = options.timeouts.connectMs;
  return {
    baseURL: options.baseUrl,
    maxRedirects: 0,
    validateStatus: () => true,
    responseType: 'arraybuffer',
    proxy: false,
    decompress: true,
    maxContentLength: options.maxResponseBytes,
    maxBodyLength: options.maxImageBytes + MULTIPART_OVERHEAD_BYTES,
    httpAgent: withConnectTimeout(new http.Agent({ keepAlive: true }), connectMs),
    httpsAgent: withConnectTimeout(new https.Agent({ keepAlive: true }), connectMs),
    headers: { Accept: 'application/json, text/plain, */*', 'User-Agent': 'faceauth-argos-client' },
  };
}
