import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { resolveSandboxConfig } from './config/sandbox-config.resolver';
import type { SandboxConfigInput } from './config/sandbox-config.type';
import { installSandboxHooks } from './core/sandbox-http.hook';
import { SandboxControls, sandboxControls } from './core/sandbox-controls';
import { SandboxModule } from './core/sandbox.module';
import { FaultInjector } from './faults/fault.injector';
import { CallStatsRecorder } from './stats/call-stats.recorder';

/** A started sandbox. */
export interface SandboxHandle {
  app: NestFastifyApplication;
  /** Base URL, e.g. `http://127.0.0.1:4010` (REST under `/v3`, page at `/face-auth`). */
  url: string;
  controls: SandboxControls;
  /** Stops the server, cancels webhook retries and drops open (e.g. hung) connections. */
  close(): Promise<void>;
}

// Above any project limit: the per-project limit is enforced by the gateway guard.
const TRANSPORT_BODY_LIMIT = 64 * 1024 * 1024;

/**
 * Starts the Argos sandbox in-process and listens. Defaults: host 127.0.0.1, a free port, one
 * project `sandbox-project` / `sandbox-api-key`. Throws `SandboxConfigError` on bad settings.
 */
export async function createSandboxApp(input: SandboxConfigInput = {}): Promise<SandboxHandle> {
  const config = resolveSandboxConfig(input);
  const adapter = new FastifyAdapter({ bodyLimit: TRANSPORT_BODY_LIMIT, multipart: true });
  const app = await NestFactory.create<NestFastifyApplication>(SandboxModule.forRoot(config), adapter, {
    logger: config.logLevels.length ? config.logLevels : false,
    forceCloseConnections: true,
    // The outbound-webhook receiver verifies signatures over the exact bytes received.
    rawBody: true,
  });
  installSandboxHooks(app.getHttpAdapter().getInstance(), {
    config,
    faults: app.get(FaultInjector),
    stats: app.get(CallStatsRecorder),
  });
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    app,
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    controls: sandboxControls(app),
    close: () => app.close(),
  };
}
