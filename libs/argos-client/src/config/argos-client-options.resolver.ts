import {
  ArgosClientModuleOptions,
  ArgosProjectCredentials,
  ResolvedArgosClientOptions,
} from './argos-client-options.interface';
import { ARGOS_CLIENT_DEFAULTS as D } from './argos-client.defaults';
import { isPlainObject } from '../shared/plain-object.guard';
import { functionOption, integerOption, invalidOption, optionalSection } from './option.validators';

const PROJECT_NAME = /^[A-Za-z0-9._-]{1,64}$/;
// Printable ASCII without spaces: anything else could split or corrupt the x-api-key header.
const API_KEY = /^[\x21-\x7e]+$/;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Validates module options and fills in every default, once, at boot.
 *
 * @throws ArgosConfigError (`ARGOS_INVALID_OPTIONS`) whose message names the wrong option, e.g.
 *   "ArgosClientModule: option 'timeouts.requestMs' must be an integer between 1 and …, got -1".
 */
export function resolveArgosClientOptions(options: ArgosClientModuleOptions): ResolvedArgosClientOptions {
  if (!isPlainObject(options)) throw invalidOption('options', 'must be an object');
  const projects = resolveProjects(options.projects);
  const timeouts = optionalSection('timeouts', options.timeouts);
  const retry = optionalSection('retry', options.retry);
  const breaker = optionalSection('breaker', options.breaker);
  const baseDelayMs = integerOption('retry.baseDelayMs', retry.baseDelayMs, D.retry.baseDelayMs, 0);
  const resolved: ResolvedArgosClientOptions = {
    baseUrl: resolveBaseUrl(options.baseUrl, options.allowInsecureHttp),
    projects,
    defaultProject: resolveDefaultProject(options.defaultProject, projects),
    timeouts: Object.freeze({
      connectMs: integerOption('timeouts.connectMs', timeouts.connectMs, D.timeouts.connectMs, 1),
      requestMs: integerOption('timeouts.requestMs', timeouts.requestMs, D.timeouts.requestMs, 1),
      uploadMs: integerOption('timeouts.uploadMs', timeouts.uploadMs, D.timeouts.uploadMs, 1),
      deadlineMs: integerOption('timeouts.deadlineMs', timeouts.deadlineMs, D.timeouts.deadlineMs, 1),
    }),
    retry: Object.freeze({
      maxAttempts: integerOption('retry.maxAttempts', retry.maxAttempts, D.retry.maxAttempts, 1, 10),
      baseDelayMs,
      maxDelayMs: integerOption(
        'retry.maxDelayMs',
        retry.maxDelayMs,
        Math.max(D.retry.maxDelayMs, baseDelayMs),
        baseDelayMs,
      ),
      maxRetryAfterMs: integerOption(
        'retry.maxRetryAfterMs',
        retry.maxRetryAfterMs,
        D.retry.maxRetryAfterMs,
        0,
      ),
    }),
    breaker: Object.freeze({
      failureThreshold: integerOption(
        'breaker.failureThreshold',
        breaker.failureThreshold,
        D.breaker.failureThreshold,
        1,
        1_000,
      ),
      resetAfterMs: integerOption('breaker.resetAfterMs', breaker.resetAfterMs, D.breaker.resetAfterMs, 1),
    }),
    maxImageBytes: integerOption(
      'maxImageBytes',
      options.maxImageBytes,
      D.maxImageBytes,
      1,
      Number.MAX_SAFE_INTEGER,
    ),
    maxResponseBytes: integerOption(
      'maxResponseBytes',
      options.maxResponseBytes,
      D.maxResponseBytes,
      1024,
      Number.MAX_SAFE_INTEGER,
    ),
    now: functionOption('now', options.now, Date.now),
    ...(options.observer ? { observer: options.observer } : {}),
    random: functionOption('random', options.random, Math.random),
  };
  return Object.freeze(resolved);
}

function resolveBaseUrl(value: unknown, allowInsecureHttp: unknown): string {
  if (allowInsecureHttp !== undefined && typeof allowInsecureHttp !== 'boolean') {
    throw invalidOption('allowInsecureHttp', 'must be a boolean');
  }
  if (value === undefined) return D.baseUrl;
  if (typeof value !== 'string' || !URL.canParse(value))
    throw invalidOption('baseUrl', 'must be an absolute http(s) URL');
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw invalidOption('baseUrl', 'must use https (or http for a local sandbox)');
  if (url.username !== '' || url.password !== '')
    throw invalidOption('baseUrl', 'must not embed credentials');
  if (url.search !== '' || url.hash !== '')
    throw invalidOption('baseUrl', 'must not carry a query string or fragment');
  const loopback = LOOPBACK_HOSTS.has(url.hostname) || url.hostname.endsWith('.localhost');
  if (url.protocol === 'http:' && !loopback && allowInsecureHttp !== true) {
    throw invalidOption(
      'baseUrl',
      'uses plain http to a non-loopback host; use https or set allowInsecureHttp: true',
    );
  }
  return url.href.replace(/\/+$/, '');
}

function resolveProjects(value: unknown): readonly Readonly<ArgosProjectCredentials>[] {
  if (!Array.isArray(value) || value.length === 0)
    throw invalidOption('projects', 'must list at least one { name, apiKey }');
  const seen = new Set<string>();
  return Object.freeze(
    value.map((entry: unknown, index) => {
      const path = `projects[${index}]`;
      if (!isPlainObject(entry)) throw invalidOption(path, 'must be an object { name, apiKey }');
      const { name, apiKey } = entry;
      if (typeof name !== 'string' || !PROJECT_NAME.test(name)) {
        throw invalidOption(`${path}.name`, 'must be 1-64 characters of [A-Za-z0-9._-]');
      }
      if (seen.has(name)) throw invalidOption(`${path}.name`, `duplicates project '${name}'`);
      seen.add(name);
      if (typeof apiKey !== 'string' || !API_KEY.test(apiKey)) {
        throw invalidOption(`${path}.apiKey`, 'must be a non-empty string of printable ASCII without spaces');
      }
      // Non-enumerable so that logging or inspecting the resolved options never prints the key.
      return Object.freeze(
        Object.defineProperty({ name }, 'apiKey', {
          value: apiKey,
          enumerable: false,
        }) as ArgosProjectCredentials,
      );
    }),
  );
}

function resolveDefaultProject(
  value: unknown,
  projects: readonly Readonly<ArgosProjectCredentials>[],
): string {
  if (value === undefined) return projects[0].name;
  if (typeof value !== 'string' || !projects.some((p) => p.name === value)) {
    throw invalidOption(
      'defaultProject',
      `must name one of the configured projects (${projects.map((p) => p.name).join(', ')})`,
    );
  }
  return value;
}
