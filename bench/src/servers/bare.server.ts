import { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { deriveKey, FaceAuthUrlBuilder } from '@faceauth/encryption';
import { loadConfig } from '@faceauth/service';
import { resolveWebhookOptions } from '@faceauth/webhook';
import { registerBareRoutes } from './bare/bare-routes';
import { BareProcessor } from './bare/bare-processor';
import { BareStore } from './bare/bare-store';
import { openPostgresBareStore } from './bare/postgres-bare.store';
import { openSqliteBareStore } from './bare/sqlite-bare.store';
import { serveBenchIpc } from './server-ipc';

/**
 * The baseline server: bare Fastify and the raw driver, in its own process. It reads the same environment
 * as the service (`loadConfig`), so it talks to the same database and encrypts with the same project
 * key, pid and form URL: both sides produce the same answers.
 */
function processorDefaults(): { batchSize: number; concurrency: number; leaseMs: number } {
  const { batchSize, concurrency, leaseMs } = resolveWebhookOptions({}).processor;
  return { batchSize, concurrency, leaseMs };
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const project = config.projects.find((p) => p.name === config.defaultProject) ?? config.projects[0];
  const urls = new FaceAuthUrlBuilder({
    pid: project.pid,
    key: deriveKey(project.secretKey ?? project.apiKey),
    formUrl: config.argos.formUrl,
    cipher: project.cipher,
    format: project.plaintextFormat,
  });
  const db = config.database;
  const store: BareStore =
    db.type === 'postgres'
      ? openPostgresBareStore(db.url, db.poolSize, project.name)
      : openSqliteBareStore(db.path, project.name);
  // The end-to-end webhook row's baseline also processes what it receives (http-stack's `bareProcessor`).
  const processor =
    process.env.BENCH_BARE_PROCESSOR === 'true'
      ? new BareProcessor({
          store,
          argosBaseUrl: config.argos.apiBaseUrl,
          apiKey: project.apiKey,
          // The service's processor defaults: rows per claim, fetches at once, lease.
          ...processorDefaults(),
        })
      : null;
  const app = Fastify({ logger: false, bodyLimit: config.http.bodyLimitBytes });
  registerBareRoutes(app, {
    store,
    urls,
    project: project.name,
    publicBaseUrl: config.http.publicBaseUrl,
    unusedLinkTtlMs: config.links.unusedLinkTtlSeconds * 1000,
    keys: new Map(
      config.auth.staticKeys.map((k) => [k.hash, { digest: Buffer.from(k.hash, 'hex'), scopes: k.scopes }]),
    ),
    inboxInserted: processor ? () => processor.kick() : undefined,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  serveBenchIpc(port, async () => {
    await app.close();
    await store.close();
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench bare server failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
