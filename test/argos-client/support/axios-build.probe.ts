import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { HttpService } from '@nestjs/axios';
import { NestFactory } from '@nestjs/core';
import type * as EsmAxios from 'axios' with { 'resolution-mode': 'import' };
import {
  ArgosClientModule,
  ArgosClientRegistry,
  createArgosClient,
  createArgosTransport,
  resolveArgosClientOptions,
} from '@faceauth/argos-client';

/** What {@link probeAxiosBuild} saw, in a plain Node process (no Jest transform of node_modules). */
export interface AxiosBuildReport {
  /** `HttpService`'s default instance is the default export of axios' ESM build. */
  readonly httpServiceAxiosIsEsmBuild: boolean;
  /** The module's client called Argos through the instance its `HttpService` holds. */
  readonly clientUsedHttpServiceAxios: boolean;
  /** The error that instance threw is an `AxiosError` of the ESM build. */
  readonly thrownIsEsmAxiosError: boolean;
  /** The error codes of the Nest client and of a `createArgosClient` client (connection refused). */
  readonly moduleClientCode: unknown;
  readonly standaloneClientCode: unknown;
  /** Whether axios' CommonJS build (`require.resolve('axios')`) was ever loaded. */
  readonly cjsAxiosLoaded: boolean;
}

async function closedBaseUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v3`;
}

const codeOf = (error: unknown): unknown => (error as { code?: unknown }).code;

/**
 * Boots `ArgosClientModule` and calls a closed port, once through the module's client and once through a
 * Nest-free `createArgosClient`. `esmAxios` is axios as an ES module import sees it (the caller imports it
 * natively: an `import()` here would be compiled to `require`). Returns the raw error the HttpService's
 * axios threw too, so the caller can compare it with the CommonJS build afterwards.
 */
export async function probeAxiosBuild(
  esmAxios: typeof EsmAxios,
): Promise<{ report: AxiosBuildReport; thrown: unknown }> {
  const baseUrl = await closedBaseUrl();
  const projects = [{ name: 'p', apiKey: 'PROBE-KEY-0000' }];
  const retry = { maxAttempts: 1 };
  const app = await NestFactory.createApplicationContext(
    ArgosClientModule.forRoot({ baseUrl, projects, retry }),
    { logger: false },
  );
  let thrown: unknown;
  let requested = false;
  let moduleClientCode: unknown;
  try {
    const http = app.get(HttpService, { strict: false });
    http.axiosRef.interceptors.request.use((config) => {
      requested = true;
      return config;
    });
    http.axiosRef.interceptors.response.use(undefined, (error: unknown) => {
      thrown = error;
      throw error;
    });
    moduleClientCode = codeOf(
      await app
        .get(ArgosClientRegistry)
        .get()
        .getResult('a')
        .catch((e: unknown) => e),
    );
  } finally {
    await app.close();
  }
  const options = resolveArgosClientOptions({ baseUrl, projects, retry });
  const transport = createArgosTransport(options);
  let standaloneClientCode: unknown;
  try {
    const standalone = createArgosClient(options, 'p', transport);
    standaloneClientCode = codeOf(await standalone.getResult('a').catch((e: unknown) => e));
  } finally {
    transport.close();
  }
  return {
    report: {
      httpServiceAxiosIsEsmBuild: new HttpService().axiosRef === esmAxios.default,
      clientUsedHttpServiceAxios: requested && thrown !== undefined,
      thrownIsEsmAxiosError: thrown instanceof esmAxios.AxiosError,
      moduleClientCode,
      standaloneClientCode,
      cjsAxiosLoaded: require.resolve('axios') in require.cache,
    },
    thrown,
  };
}
