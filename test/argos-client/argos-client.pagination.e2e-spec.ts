import { ArgosErrorCode, FaceAuthRecord } from '@faceauth/argos-client';
import { closeClients, makeClient, rejectionOf } from './support/client.fixture';
import { FakeArgosServer, RecordedRequest, sendJson } from './support/fake-argos.server';

// Real dependencies: node:http server on 127.0.0.1 serving a 4,500-record listing in pages of 2,000,
// each page in a different documented shape, checking the continuation parameters it receives.

const TOTAL = 4_500;
const PAGE = 2_000;
const createTime = (i: number): string => new Date(Date.UTC(2026, 0, 1) + i * 1_000).toISOString();
const ALL = Array.from({ length: TOTAL }, (_, i) => ({
  auth_id: `auth-${String(i).padStart(5, '0')}`,
  auth_status: i % 3 === 0 ? 'rejected' : 'approved',
  create_time: createTime(i),
}));

/** Serves page n (0-based) of ALL, checking that the request carries the key of page n-1. */
function servePage(request: RecordedRequest, respond: (body: unknown) => void, problems: string[]): void {
  const params = request.url.searchParams;
  const keyId = params.get('nextKey_id');
  const keyDate = params.get('nextKey_date');
  let start = 0;
  if (keyId !== null || keyDate !== null) {
    const index = ALL.findIndex((r) => r.auth_id === keyId);
    if (index < 0 || ALL[index].create_time !== keyDate)
      problems.push(`bad continuation ${keyId} / ${keyDate}`);
    start = index + 1;
  }
  const data = ALL.slice(start, start + PAGE);
  const last = data[data.length - 1];
  const key = start + PAGE < TOTAL ? { authId: last.auth_id, createTime: last.create_time } : undefined;
  const page = start / PAGE;
  // Page 1: newest nested shape with the key inside the group; page 2: {data, nextPage_key};
  // page 3: nested shape without a key.
  if (page === 0) respond([{ faceAuth_projectId: 'pid-1', data, nextPage_key: key }]);
  else if (page === 1) respond({ data, nextPage_key: key });
  else respond([{ faceAuth_projectId: 'pid-1', data }]);
}

describe('Argos client pagination (real local HTTP server)', () => {
  let server: FakeArgosServer;
  beforeAll(async () => {
    server = await FakeArgosServer.start();
  });
  afterAll(() => server.close());
  afterEach(() => closeClients());

  it('yields 4,500 records served in pages of 2,000 exactly once, following nextPage_key', async () => {
    const problems: string[] = [];
    server.handle((request, res) => servePage(request, (body) => sendJson(res, 200, body), problems));
    const records: FaceAuthRecord[] = [];
    for await (const record of makeClient(server.baseUrl).listResults()) records.push(record);

    expect(problems).toEqual([]);
    expect(records).toHaveLength(TOTAL);
    expect(new Set(records.map((r) => r.authId)).size).toBe(TOTAL);
    expect(records.map((r) => r.authId)).toEqual(ALL.map((r) => r.auth_id));
    expect(server.requests).toHaveLength(3);
    expect(server.requests.map((r) => r.url.searchParams.get('nextKey_id'))).toEqual([
      null,
      'auth-01999',
      'auth-03999',
    ]);
    expect(server.requests.map((r) => r.url.searchParams.get('nextKey_date'))).toEqual([
      null,
      createTime(1_999),
      createTime(3_999),
    ]);
  });

  it('forwards the date range and count on every page', async () => {
    const problems: string[] = [];
    server.handle((request, res) => servePage(request, (body) => sendJson(res, 200, body), problems));
    let count = 0;
    for await (const _record of makeClient(server.baseUrl).listResults({
      startDate: '2026-01-01',
      endDate: '2026-01-31',
      count: 2000,
    })) {
      count += 1;
    }
    expect(count).toBe(TOTAL);
    for (const request of server.requests) {
      expect(request.url.searchParams.get('startDate')).toBe('2026-01-01');
      expect(request.url.searchParams.get('endDate')).toBe('2026-01-31');
      expect(request.url.searchParams.get('count')).toBe('2000');
    }
  });

  it('stops with ARGOS_BAD_RESPONSE when Argos repeats a continuation key (a loop)', async () => {
    server.handle((_q, res) =>
      sendJson(res, 200, { data: [{ auth_id: 'a' }], nextPage_key: { authId: 'a', createTime: 't' } }),
    );
    const seen: string[] = [];
    const error = await rejectionOf(
      (async () => {
        for await (const record of makeClient(server.baseUrl).listResults()) seen.push(record.authId);
      })(),
    );
    expect(error).toMatchObject({ code: ArgosErrorCode.BAD_RESPONSE, operation: 'listResults' });
    expect(server.requests).toHaveLength(2);
    expect(seen).toEqual(['a']);
  });

  it('retries a failed page without restarting the listing', async () => {
    const problems: string[] = [];
    let failed = false;
    server.handle((request, res) => {
      if (request.url.searchParams.get('nextKey_id') === 'auth-01999' && !failed) {
        failed = true;
        sendJson(res, 502, {});
        return;
      }
      servePage(request, (body) => sendJson(res, 200, body), problems);
    });
    let count = 0;
    for await (const _record of makeClient(server.baseUrl).listResults()) count += 1;
    expect(problems).toEqual([]);
    expect(count).toBe(TOTAL);
    expect(server.requests).toHaveLength(4);
  });

  it('exposes single pages with their continuation key for callers that persist cursors', async () => {
    const problems: string[] = [];
    server.handle((request, res) => servePage(request, (body) => sendJson(res, 200, body), problems));
    const client = makeClient(server.baseUrl);
    const first = await client.listResultsPage();
    expect(first.records).toHaveLength(PAGE);
    expect(first.next).toEqual({ authId: 'auth-01999', createTime: createTime(1_999) });
    const second = await client.listResultsPage({ next: first.next });
    expect(second.records[0].authId).toBe('auth-02000');
    expect(problems).toEqual([]);
  });
});
