import 'reflect-metadata';
import { ConfigError, configReader, faceAuthOptions, loadConfig } from '@faceauth/service';
import { FaceAuthOptionsError, preflightFaceAuthOptions } from '@faceauth/module';
import { createApiApp } from './bootstrap/create-api-app';
import { tuneHeap } from './bootstrap/heap-tuning';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
    preflightFaceAuthOptions(faceAuthOptions(configReader(config)));
  } catch (error) {
    if (error instanceof ConfigError || error instanceof FaceAuthOptionsError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  tuneHeap(config.runtime.heapGrowingPercent);
  const { app, devAdminKey } = await createApiApp({ config });
  await app.listen({ port: config.http.port, host: config.http.host });
  const url = await app.getUrl();
  process.stdout.write(
    `faceauth API listening on ${url} (docs: ${config.swagger.enabled ? `${url}/docs` : 'off'})\n`,
  );
  if (devAdminKey) {
    // Printed once on purpose, outside the JSON log stream, which never carries secrets.
    process.stdout.write(`Development admin key (shown once, store it now): ${devAdminKey}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `faceauth API failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
