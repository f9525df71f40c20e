import { OpenAPIObject } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { buildOpenApiDocument } from '../../../apps/api/src/bootstrap/swagger.setup';
import { ApiHarness, startApi } from '../../support/api-harness';
import { DatabaseKindUnderTest } from '../../support/test-databases';
import { VendorFixtureServer } from '../../vendor-contract/support/vendor-fixture.server';
import { FuzzOperation, operationsOf } from './openapi-operations';
import { FuzzVocabulary } from './schema-arbitrary';

const ARGOS_KEY = 'fuzz-argos-add-on-key-000000000001';
/** The admin key of the fuzz runs (a static key: the fuzzer cannot revoke it through the API). */
export const FUZZ_ADMIN_KEY = 'fuzz-admin-secret-000000000000000001';

/** The service on a fresh database, Argos answered by the vendor fixture server, and some rows to hit. */
export interface FuzzTarget {
  api: ApiHarness;
  argos: VendorFixtureServer;
  dataSource: DataSource;
  document: OpenAPIObject;
  /** The document's operations, inputs resolved. */
  operations: FuzzOperation[];
  vocabulary: FuzzVocabulary;
  close(): Promise<void>;
}

export async function startFuzzTarget(kind: DatabaseKindUnderTest): Promise<FuzzTarget> {
  const argos = await VendorFixtureServer.start({ apiKey: ARGOS_KEY });
  let api: ApiHarness;
  try {
    api = await startApi(kind, {
      env: {
        LOG_LEVEL: 'warn',
        FACEAUTH_PID: argos.projectId,
        FACEAUTH_API_KEY: ARGOS_KEY,
        ARGOS_API_BASE_URL: argos.baseUrl,
        ARGOS_MAX_IMAGE_BYTES: '4096',
        ARGOS_MAX_ATTEMPTS: '2',
        INTERNAL_API_KEYS: `fuzz-admin|admin|${FUZZ_ADMIN_KEY}`,
        DEV_ADMIN_KEY: 'false',
        // No background writer may change the tables between the two snapshots around a request.
        CLEANUP_ENABLED: 'false',
        WEBHOOK_PROCESSOR_ENABLED: 'false',
        RECONCILE_ENABLED: 'false',
      },
    });
  } catch (error) {
    await argos.close();
    throw error;
  }
  const close = async () => {
    await api.close();
    await argos.close();
  };
  try {
    const vocabulary = await seed(api);
    const document = buildOpenApiDocument(api.app);
    return {
      api,
      argos,
      dataSource: api.app.get(DataSource),
      document,
      operations: operationsOf(document),
      vocabulary,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Creates links, results, an inbox row, an API key and a cleanup run through the API itself. */
async function seed(api: ApiHarness): Promise<FuzzVocabulary> {
  const headers = { authorization: `Bearer ${FUZZ_ADMIN_KEY}` };
  const call = async (method: 'GET' | 'POST', url: string, payload?: object | Buffer, extra = {}) => {
    const res = await api.app.inject({ method, url, headers: { ...headers, ...extra }, payload });
    if (res.statusCode >= 300)
      throw new Error(`seeding ${method} ${url} answered ${res.statusCode}: ${res.body}`);
    return res.json<Record<string, unknown>>();
  };
  const ids: string[] = ['user-seed-1', 'sub_seed_1'];
  for (const n of [1, 2]) {
    const link = await call('POST', '/v1/links', { sid: `sub_seed_${n}`, authUserId: `user-seed-${n}` });
    ids.push(String(link.id), String(link.token));
  }
  const boundary = 'seedboundary';
  const form = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="submissionId"\r\n\r\nsub_seed_1\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="userId"\r\n\r\nuser-seed-1\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="faceImage"; filename="f.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    ),
    Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
    Buffer.alloc(100, 7),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  for (let n = 0; n < 2; n++) {
    const result = await call('POST', '/v1/faceauth', form, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    ids.push(String(result.authId));
  }
  const webhook = await api.app.inject({
    method: 'POST',
    url: '/webhooks/argos',
    payload: {
      webhook_trigger: 'faceAuth',
      data: { Submission_id: 'sub_seed_1', Auth_Status: 'approved', Authentication_id: ids.at(-1) },
    },
  });
  if (webhook.statusCode !== 200) throw new Error(`seeding the webhook answered ${webhook.statusCode}`);
  const inbox = await call('GET', '/v1/webhooks/inbox');
  ids.push(...(inbox.items as { id: string }[]).map((item) => item.id));
  const key = await call('POST', '/v1/api-keys', { name: 'seed-key', scopes: ['links:read'] });
  ids.push(String(key.id));
  await call('POST', '/v1/cleanup/run', { dryRun: false });
  return { knownIds: ids, projects: api.config.projects.map((p) => p.name) };
}
