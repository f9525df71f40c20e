import { Inject } from '@nestjs/common';
import { validateModuleOptions } from '@faceauth/core';
import { IsArray, IsInt, Min, ValidateBy } from 'class-validator';
import { StaticApiKey } from './auth/static-api-keys.parser';

const MS_RULE = { message: 'must be a whole number of milliseconds ≥ 0' };

/** Options of the admin API: who may call it and how. */
export class AdminApiOptionsSchema {
  /** Keys declared in configuration (hashes only). */
  @IsArray({ message: 'must be a list' }) staticKeys: StaticApiKey[] = [];
  /** How often database keys are re-read, in ms (default 5,000). */
  @Min(0, MS_RULE) @IsInt(MS_RULE) keyRefreshMs = 5_000;
  /** Public base URL of this service, used to build short links (e.g. https://auth.example.com). */
  @ValidateBy(
    { name: 'httpUrl', validator: { validate: isHttpUrl } },
    { message: 'must be an absolute http(s) URL' },
  )
  publicBaseUrl!: string;
}

/** What a host passes: `publicBaseUrl`, and any other option. */
export type AdminApiModuleOptions = Partial<AdminApiOptionsSchema> &
  Pick<AdminApiOptionsSchema, 'publicBaseUrl'>;
export type ResolvedAdminApiOptions = AdminApiOptionsSchema;

export const ADMIN_API_OPTIONS = Symbol('faceauth:admin-api-options');
export const InjectAdminApiOptions = (): ParameterDecorator => Inject(ADMIN_API_OPTIONS);

/** Fills defaults and validates once at init; throws `ModuleOptionsError` naming the bad option. */
export function resolveAdminApiOptions(options: AdminApiModuleOptions): ResolvedAdminApiOptions {
  const valid = validateModuleOptions('AdminApiModule', AdminApiOptionsSchema, options);
  return Object.assign(valid, { publicBaseUrl: new URL(valid.publicBaseUrl).toString().replace(/\/+$/, '') });
}

function isHttpUrl(value: unknown): boolean {
  return typeof value === 'string' && URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}
