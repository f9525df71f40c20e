import { Inject } from '@nestjs/common';
import { OptionGroup, OptionRange, OptionRule, validateModuleOptions } from '@faceauth/core';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, ValidateNested } from 'class-validator';
import { ArgosTokenExpiration } from './policy/link-policy';

const EXPIRATION_MODES: readonly unknown[] = ['off', 'count', 'time'];

export class TokenPolicyProject {
  /** The project's name in the FaceAuth configuration. */
  name!: string;
  /** The project's token expiration condition in the Argos dashboard. */
  @OptionRule('must be {mode: off|count|time}', (v?: { mode?: unknown }) =>
    EXPIRATION_MODES.includes(v?.mode),
  )
  tokenExpiration!: ArgosTokenExpiration;
}

/** The job that records the outcome of links that stopped being usable with no decision (expired). */
export class OutcomeSweepOptions {
  /** Run it from application bootstrap to shutdown (default true; the CLI turns it off). */
  @IsBoolean({ message: 'must be true or false' }) enabled = true;
  @OptionRange(1_000, 86_400_000) intervalMs = 30_000;
  /** Links decided per pass (a pass continues while full). */
  @OptionRange(1, 10_000) batchSize = 200;
}

/** Options of the token-policy module. */
export class TokenPolicyOptionsSchema {
  /** The FaceAuth projects and their Argos-side token expiration setting. */
  @OptionRule(
    'has duplicate names',
    (ps: TokenPolicyProject[]) => new Set(ps.map((p) => p?.name)).size === ps.length,
  )
  @OptionRule('must list at least one project', (ps) => Array.isArray(ps) && ps.length > 0)
  @ValidateNested({ each: true, message: 'must be an object' })
  @Type(() => TokenPolicyProject)
  projects!: TokenPolicyProject[];
  /** Project used when a request names none (default: the first). */
  @IsOptional()
  @OptionRule(
    'is not a configured project',
    (name, o: TokenPolicyOptionsSchema) =>
      Array.isArray(o.projects) && o.projects.some((p) => p?.name === name),
  )
  defaultProject?: string;
  /** How long a never-used link stays valid by default, in seconds (default 7 days). */
  @OptionRule('must be a whole number of seconds > 0', (v: number) => Number.isInteger(v) && v > 0)
  unusedLinkTtlSeconds = 7 * 24 * 3600;
  /** Upper bound a caller may ask for, in seconds (default 90 days). */
  @OptionRule(
    'must be ≥ unusedLinkTtlSeconds',
    (v: number, o: TokenPolicyOptionsSchema) => Number.isInteger(v) && v >= o.unusedLinkTtlSeconds,
  )
  maxUnusedLinkTtlSeconds = 90 * 24 * 3600;
  @OptionGroup(() => OutcomeSweepOptions) outcomeSweep = new OutcomeSweepOptions();
  /** Where short links live: a link's `shortUrl` is `<shortLinkBaseUrl>/<id>` (none without it). */
  @IsOptional()
  @OptionRule('must be an http(s) URL', isHttpUrl)
  shortLinkBaseUrl?: string;
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** What a host passes: `projects`, and any other option. */
export type TokenPolicyModuleOptions = Partial<Omit<TokenPolicyOptionsSchema, 'outcomeSweep'>> &
  Pick<TokenPolicyOptionsSchema, 'projects'> & { outcomeSweep?: Partial<OutcomeSweepOptions> };

export interface ResolvedTokenPolicyOptions {
  projects: ReadonlyMap<string, TokenPolicyProject>;
  defaultProject: string;
  unusedLinkTtlSeconds: number;
  maxUnusedLinkTtlSeconds: number;
  outcomeSweep: OutcomeSweepOptions;
  /** Without a trailing slash; null: links have no `shortUrl`. */
  shortLinkBaseUrl: string | null;
}

export const TOKEN_POLICY_OPTIONS = Symbol('faceauth:token-policy-options');
export const InjectTokenPolicyOptions = (): ParameterDecorator => Inject(TOKEN_POLICY_OPTIONS);

/** Validates once at module init; throws `ModuleOptionsError` naming the option at fault. */
export function resolveTokenPolicyOptions(options: TokenPolicyModuleOptions): ResolvedTokenPolicyOptions {
  const valid = validateModuleOptions('TokenPolicyModule', TokenPolicyOptionsSchema, options);
  return {
    ...valid,
    projects: new Map(valid.projects.map((p) => [p.name, p])),
    defaultProject: valid.defaultProject ?? valid.projects[0].name,
    shortLinkBaseUrl: valid.shortLinkBaseUrl?.replace(/\/+$/, '') ?? null,
  };
}
