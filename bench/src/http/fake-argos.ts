import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A local stand-in for Argos's Add-on API, in the bench process, for the webhook rows' verification fetch:
 * `GET <base>/faceauth?authId=` answers one approved record in the vendor's list shape (the body of the
 * documented lookup example, `[{ faceAuth_projectId, data: [...] }]`), immediately. Both sides of a row fetch
 * from it, so its cost is the same for both and is charged to neither server.
 */
export interface FakeArgos {
  /** What `ARGOS_API_BASE_URL` is set to (the path prefix the service appends `/faceauth` to). */
  baseUrl: string;
  /** Lookups answered so far. */
  lookups(): number;
  stop(): Promise<void>;
}

export function argosLookupBody(pid: string, authId: string): string {
  return JSON.stringify([
    {
      faceAuth_projectId: pid,
      data: [
        {
          auth_id: authId,
          auth_status: 'approved',
          create_time: '2026-11-20T10:00:00.000Z',
          submit_type: 'form',
          kyc_submission_id: 's',
          result: { face_similarity: 91, face_liveness: 97 },
        },
      ],
    },
  ]);
}

export async function startFakeArgos(pid: string): Promise<FakeArgos> {
  let lookups = 0;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://argos');
    const authId = url.searchParams.get('authId');
    if (req.method !== 'GET' || !url.pathname.endsWith('/faceauth') || !authId) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"not found"}');
      return;
    }
    lookups++;
    res.writeHead(200, { 'content-type': 'application/json' }).end(argosLookupBody(pid, authId));
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v3`,
    lookups: () => lookups,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
