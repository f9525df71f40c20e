import 'reflect-metadata';
import { AddressInfo } from 'node:net';
import { createApiApp } from '../../../apps/api/src/bootstrap/create-api-app';
import { loadConfig } from '@faceauth/service';
import { tuneHeap } from '../../../apps/api/src/bootstrap/heap-tuning';
import { serveBenchIpc } from './server-ipc';

/**
 * The service under test, built exactly as `main.ts` builds it (`tuneHeap`, `createApiApp`), configured from the
 * environment the bench passes, listening on an ephemeral port in its own process so that its CPU is
 * measured apart from the load generator.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  // The production entry point's runtime settings (apps/api/src/main.ts).
  tuneHeap(config.runtime.heapGrowingPercent);
  const { app } = await createApiApp({ config });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.getHttpServer().address() as AddressInfo;
  serveBenchIpc(port, () => app.close());
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench service server failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
