import { Inject } from '@nestjs/common';
import { StaticApiKey } from './auth/static-api-keys.parser';

/** Options of the admin API: who may call it and how. */
export interface AdminApiModuleOptions {
  /** Keys declared in configuration (hashes only). */
  staticKeys?: StaticApiKey[];
  /** How often database keys are re-read, in ms (default 5,000). */
  keyRefreshMs?: number;
  /** Register the internal-auth guard globally (default true). A host may use its own guards instead. */
  globalGuard?: boolean;
  /** Public base URL of this service, used to build short links (e.g. https://auth.example.com). */
  publicBaseUrl: string;
}

export interface ResolvedAdminApiOptions {
  staticKeys: StaticApiKey[];
  keyRefreshMs: number;
  globalGuard: boolean;
  publicBaseUrl: string;
}

export const ADMIN_API_OPTIONS = Symbol('faceauth:admin-api-options');

export function resolveAdminApiOptions(options: AdminApiModuleOptions): ResolvedAdminApiOptions {
  const keyRefreshMs = options.keyRefreshMs ?? 5_000;
  if (!Number.isInteger(keyRefreshMs) || keyRefreshMs < 0) {
    throw new Error('AdminApiModule option keyRefreshMs must be a whole number of milliseconds ≥ 0');
  }
  let base: URL;
  try {
    base = new URL(options.publicBaseUrl);
  } catch {
    throw new Error('AdminApiModule option publicBaseUrl must be an absolute http(s) URL');
  }
  return {
    staticKeys: options.staticKeys ?? [],
    keyRefreshMs,
    globalGuard: options.globalGuard ?? true,
    publicBaseUrl: base.toString().replace(/\/+$/, ''),
  };
}

export const InjectAdminApiOptions = (): ParameterDecorator => Inject(ADMIN_API_OPTIONS);
