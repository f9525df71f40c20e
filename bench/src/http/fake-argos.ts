import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A local stand-in for Argos's Add-on API, in the bench process, for the webhook rows' verification fetch:
 * `GET <base>/faceauth?authId=` answers one approved record in the vendor's published shape
 * ({@link argosLookupBody}), immediately. Both sides of a row fetch
 * from it, so its cost is the same for both and is charged to neither server.
 */
export interface FakeArgos {
  /** What `ARGOS_API_BASE_URL` is set to (the path prefix the service appends `/faceauth` to). */
  baseUrl: string;
  /** Lookups answered so far. */
  lookups(): number;
  stop(): Promise<void>;
}

/**
 * The vendor's published lookup body, its newest shape (records grouped under their project), with the
 * request's id and an approved status: every field of the sample of
 * https://developers.argosidentity.com/en/idcheck/add-on/get-faceauth "5-1. Response (delete_check:false)"
 * (test/vendor-contract/fixtures/faceauth-records.fixture.ts, `GET_FACEAUTH_GROUPED_SAMPLE`), none added, so the
 * service parses what it would parse from Argos.
 */
export function argosLookupBody(pid: string, authId: string): string {
  return JSON.stringify([
    {
      faceAuth_projectId: pid,
      data: [
        {
          policy: {
            faceSimilarity_threshold: 85,
            occluded_threshold: false,
            faceCover_threshold: 0,
            headCover_threshold: 0,
            liveness_threshold: 0,
            activeLiveness_threshold: 0,
          },
          auth_id: authId,
          auth_status: 'approved',
          create_time: '2025-10-02T02:15:17.554Z',
          submit_type: 'form',
          kyc_submission_id: 'sampleKycId1',
          delete_check: false,
          result: { active_liveness_score: 97.78668212890625, face_similarity: 100, detectOccluded: false },
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
