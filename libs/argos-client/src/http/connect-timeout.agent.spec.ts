import * as net from 'node:net';
import { ArgosErrorCode } from '../errors/argos-error-code.enum';
import { ArgosClient } from '../client/argos-client';
import { resolveArgosClientOptions } from '../config/argos-client-options.resolver';
import { createArgosAxiosInstance } from './argos-axios.factory';
import { AxiosArgosTransport } from './argos-http.transport';
import { CONNECT_TIMEOUT_CODE, guardConnect } from './connect-timeout.agent';

describe('connect timeout', () => {
  it('destroys a socket that does not connect in time with a recognisable code', async () => {
    // A DNS lookup that never answers keeps the socket "connecting" forever, like a black-holed SYN.
    const socket = net.connect({ host: 'stalled.localhost', port: 80, lookup: () => undefined });
    const error = new Promise<NodeJS.ErrnoException>((resolve) => socket.once('error', resolve));
    guardConnect(socket, 30);
    await expect(error).resolves.toMatchObject({ code: CONNECT_TIMEOUT_CODE });
  });

  it('turns a connect timeout into ARGOS_TIMEOUT and retries even a POST (nothing was sent)', async () => {
    const options = resolveArgosClientOptions({
      baseUrl: 'http://stalled.localhost:9/v3',
      projects: [{ name: 'p', apiKey: 'KEY-123' }],
      timeouts: { connectMs: 30 },
      retry: { baseDelayMs: 1, maxDelayMs: 2 },
    });
    const axios = createArgosAxiosInstance(options);
    axios.defaults.lookup = () => undefined;
    const transport = new AxiosArgosTransport(axios);
    const client = new ArgosClient('p', 'KEY-123', options, transport);
    try {
      await expect(
        client.submitFaceImage({
          submissionId: 's',
          image: Buffer.from([0xff, 0xd8, 0xff]),
          filename: 'f.jpg',
          mimeType: 'image/jpeg',
        }),
      ).rejects.toMatchObject({ code: ArgosErrorCode.TIMEOUT, attempts: 3 });
    } finally {
      transport.close();
    }
  });
});
