import { isIP } from 'node:net';
import { resolveGcmLayout } from '@faceauth/encryption';
import { toProjectInput } from './project-config.input';
import { SandboxConfigError } from './sandbox-config.error';
import {
  DEFAULT_API_KEY,
  DEFAULT_PID,
  defaultProject,
  defaultSandboxConfig,
} from './sandbox-config.defaults';
import type {
  PolicyThresholds,
  ProjectConfig,
  ProjectConfigPatch,
  SandboxConfig,
  SandboxConfigInput,
  TokenExpirationConfig,
  TokenExpirationInput,
} from './sandbox-config.type';

const fail = (path: string, why: string): never => {
  throw new SandboxConfigError(`Sandbox setting "${path}" ${why}.`);
};

/** Merges input over the defaults and validates the result; throws `SandboxConfigError`. */
export function resolveSandboxConfig(input: SandboxConfigInput = {}): SandboxConfig {
  const base = defaultSandboxConfig();
  const inputs = input.projects?.length ? input.projects : [{}];
  const projects = inputs.map((raw, i) => {
    const p = toProjectInput(raw, `projects[${i}]`);
    const start = defaultProject(
      p.pid ?? (i === 0 ? DEFAULT_PID : ''),
      p.apiKey ?? (i === 0 ? DEFAULT_API_KEY : ''),
    );
    return mergeProject(start, p, `projects[${i}]`);
  });
  const config: SandboxConfig = {
    ...base,
    ...stripUndefined(input),
    projects,
    webhookRetry: { ...base.webhookRetry, ...stripUndefined(input.webhookRetry ?? {}) },
  };
  validateSandbox(config);
  return config;
}

// Settings a patch may clear with `null`; the others always have a value.
const CLEARABLE = new Set(['secretKey', 'webhookUrl', 'gcmLayout']);

/** Applies a partial project (config file entry or control-API patch) over a resolved one, validated. */
export function mergeProject(
  base: ProjectConfig,
  patch: ProjectConfigPatch,
  path = 'project',
): ProjectConfig {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) {
      if (!CLEARABLE.has(key)) fail(`${path}.${key}`, 'cannot be cleared');
      delete merged[key];
    } else {
      merged[key] = value;
    }
  }
  merged.policy = { ...base.policy, ...stripUndefined(patch.policy ?? {}) };
  merged.tokenExpiration = patch.tokenExpiration
    ? resolveExpiration(patch.tokenExpiration, path)
    : base.tokenExpiration;
  const project = merged as unknown as ProjectConfig;
  validateProject(project, path);
  return project;
}

function resolveExpiration(input: TokenExpirationInput, path: string): TokenExpirationConfig {
  switch (input.mode) {
    case 'off':
    case 'count':
      return { mode: input.mode };
    case 'time':
      if (!Number.isInteger(input.windowSeconds) || input.windowSeconds < 1) {
        fail(`${path}.tokenExpiration.windowSeconds`, 'must be a positive integer number of seconds');
      }
      if (input.notifyAt !== undefined && !['first-use', 'elapsed'].includes(input.notifyAt)) {
        fail(`${path}.tokenExpiration.notifyAt`, 'must be "first-use" or "elapsed"');
      }
      return { mode: 'time', windowSeconds: input.windowSeconds, notifyAt: input.notifyAt ?? 'first-use' };
    default:
      return fail(`${path}.tokenExpiration.mode`, 'must be "off", "count" or "time"');
  }
}

function validateProject(p: ProjectConfig, path: string): void {
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(p.pid)) fail(`${path}.pid`, 'must be 1-64 characters of [A-Za-z0-9._-]');
  if (!p.apiKey) fail(`${path}.apiKey`, 'is required');
  if (p.secretKey !== undefined && !p.secretKey) fail(`${path}.secretKey`, 'must not be empty when set');
  oneOf(p.cipher, ['ecb', 'gcm'], `${path}.cipher`);
  oneOf(p.plaintextFormat, ['json', 'querystring'], `${path}.plaintextFormat`);
  oneOf(p.webhookVersion, ['v1', 'v2', 'v3'], `${path}.webhookVersion`);
  oneOf(p.listShape, ['grouped', 'flat'], `${path}.listShape`);
  oneOf(p.imageResponse, ['json', 'text'], `${path}.imageResponse`);
  oneOf(p.webhookOrder, ['token-expired-first', 'faceauth-first'], `${path}.webhookOrder`);
  if (!Number.isInteger(p.bodyLimitBytes) || p.bodyLimitBytes < 1024) {
    fail(`${path}.bodyLimitBytes`, 'must be an integer of at least 1024');
  }
  if (p.webhookUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(p.webhookUrl)) {
    fail(`${path}.webhookUrl`, 'must be an http(s) URL');
  }
  if (!Array.isArray(p.ipAllowlist)) fail(`${path}.ipAllowlist`, 'must be an array of IPs or IPv4 CIDRs');
  p.ipAllowlist.forEach((entry, i) => {
    const [ip, bits] = entry.split('/');
    const okBits = bits === undefined || (isIP(ip) === 4 && /^\d+$/.test(bits) && Number(bits) <= 32);
    if (!isIP(ip) || !okBits) fail(`${path}.ipAllowlist[${i}]`, 'must be an IP address or an IPv4 CIDR');
  });
  if (p.gcmLayout !== undefined) {
    try {
      resolveGcmLayout(p.gcmLayout, `${path}.gcmLayout`);
    } catch (error) {
      fail(`${path}.gcmLayout`, `is invalid: ${(error as Error).message}`);
    }
  }
  validatePolicy(p.policy, `${path}.policy`);
}

// The vendor's scale: thresholds 0-100, except `occluded_threshold`, which its samples show as a boolean.
function validatePolicy(policy: PolicyThresholds, path: string): void {
  for (const [name, value] of Object.entries(policy)) {
    if (name === 'occluded_threshold') {
      if (typeof value !== 'boolean') fail(`${path}.${name}`, 'must be true or false');
    } else if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100) {
      fail(`${path}.${name}`, 'must be a number from 0 to 100');
    }
  }
}

function validateSandbox(c: SandboxConfig): void {
  if (!Number.isInteger(c.port) || c.port < 0 || c.port > 65535)
    fail('port', 'must be an integer from 0 to 65535');
  if (!c.host) fail('host', 'is required');
  const seen = new Set<string>();
  c.projects.forEach((p, i) => {
    if (seen.has(p.pid) || seen.has(`key:${p.apiKey}`))
      fail(`projects[${i}]`, 'repeats the pid or API key of another project');
    seen.add(p.pid).add(`key:${p.apiKey}`);
  });
  const r = c.webhookRetry;
  if (!Number.isInteger(r.maxAttempts) || r.maxAttempts < 1 || r.maxAttempts > 20) {
    fail('webhookRetry.maxAttempts', 'must be an integer from 1 to 20');
  }
  for (const key of ['initialDelayMs', 'maxDelayMs', 'timeoutMs'] as const) {
    if (!Number.isFinite(r[key]) || r[key] < 0) fail(`webhookRetry.${key}`, 'must be a non-negative number');
  }
  if (!Number.isFinite(r.backoffFactor) || r.backoffFactor < 1)
    fail('webhookRetry.backoffFactor', 'must be at least 1');
  if (c.clockStart !== undefined && Number.isNaN(Date.parse(c.clockStart)))
    fail('clockStart', 'must be an ISO-8601 date');
  if (!Number.isInteger(c.tokenSweepIntervalMs) || c.tokenSweepIntervalMs < 10) {
    fail('tokenSweepIntervalMs', 'must be an integer of at least 10');
  }
}

function oneOf(value: string, allowed: string[], path: string): void {
  if (!allowed.includes(value)) fail(path, `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
}

// An unset env override arrives as `undefined` and must not erase a default.
function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
