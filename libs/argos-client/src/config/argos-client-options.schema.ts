import { OptionGroup, OptionRange, OptionRule, SAFE_NAME_PATTERN, SAFE_NAME_RULE } from '@faceauth/core';
import { Exclude, Type } from 'class-transformer';
import { IsBoolean, IsOptional, Matches, ValidateBy, ValidateNested } from 'class-validator';
import { ArgosCallObserver } from './argos-call.observer';

// setTimeout silently treats larger delays as 1 ms, so every duration option is capped here.
const MAX_TIMER_MS = 2_147_483_647;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** One FaceAuth project: its name in our configuration and its own Add-on API key. */
export class ArgosProjectCredentials {
  /** Name callers use with `ArgosClientRegistry.get(name)`. */
  @Matches(SAFE_NAME_PATTERN, { message: `must be ${SAFE_NAME_RULE}` })
  name!: string;
  /** The project's Add-on API key, sent only in the `x-api-key` header. */
  // Printable ASCII without spaces: anything else could split or corrupt the x-api-key header.
  @Matches(/^[\x21-\x7e]+$/, { message: 'must be a non-empty string of printable ASCII without spaces' })
  apiKey!: string;
}

class TimeoutOptions {
  /** TCP (and TLS) connect timeout. Default 5,000 ms. */
  @OptionRange(1, MAX_TIMER_MS, { wording: 'between' }) connectMs = 5_000;
  /** Per-attempt timeout of GET/DELETE, headers and whole body included. Default 10,000 ms. */
  @OptionRange(1, MAX_TIMER_MS, { wording: 'between' }) requestMs = 10_000;
  /** Per-attempt timeout of the image upload (`POST /faceauth`). Default 30,000 ms. */
  @OptionRange(1, MAX_TIMER_MS, { wording: 'between' }) uploadMs = 30_000;
  /** Overall deadline of one call across all its attempts and backoffs. Default 30,000 ms. */
  @OptionRange(1, MAX_TIMER_MS, { wording: 'between' }) deadlineMs = 30_000;
}

class RetryOptions {
  /** Attempts per call, first one included (1 disables retries). Default 3. */
  @OptionRange(1, 10, { wording: 'between' }) maxAttempts = 3;
  /** Base of the exponential backoff (full jitter). Default 200 ms. */
  @OptionRange(0, MAX_TIMER_MS, { wording: 'between' }) baseDelayMs = 200;
  /** Cap of one backoff delay, at least `baseDelayMs`. Default 2,000 ms (or `baseDelayMs` if larger). */
  @IsOptional() @OptionRange('baseDelayMs', MAX_TIMER_MS, { wording: 'between' }) maxDelayMs?: number;
  /** Longest `Retry-After` we wait for inside a call; a longer one ends the call. Default 10,000 ms. */
  @OptionRange(0, MAX_TIMER_MS, { wording: 'between' }) maxRetryAfterMs = 10_000;
}

class BreakerOptions {
  /** Consecutive failures (5xx, timeouts, connection errors) that open the circuit. Default 5. */
  @OptionRange(1, 1_000, { wording: 'between' }) failureThreshold = 5;
  /** Time an open circuit fails fast before letting one trial call through. Default 30,000 ms. */
  @OptionRange(1, MAX_TIMER_MS, { wording: 'between' }) resetAfterMs = 30_000;
}

/** Every option of `ArgosClientModule.forRoot` / `forRootAsync` and of `resolveArgosClientOptions`. */
export class ArgosClientOptionsSchema {
  /**
   * Plain `http:` is only accepted for loopback hosts (local sandbox, tests) unless this is true,
   * because the API key would otherwise cross the network in clear. Default false.
   */
  @IsBoolean({ message: 'must be a boolean' }) allowInsecureHttp = false;
  /** Base URL of the Add-on API. Default `https://rest-api.argosidentity.com/v3`. */
  @ValidateBy({
    name: 'argosBaseUrl',
    validator: {
      validate: (url: unknown, args) => baseUrlProblem(url, args?.object) === undefined,
      defaultMessage: (args) => baseUrlProblem(args?.value, args?.object) ?? '',
    },
  })
  baseUrl = 'https://rest-api.argosidentity.com/v3';
  /** At least one project; names must be unique. */
  @OptionRule(
    'must not repeat a project name',
    (ps: { name?: string }[]) => new Set(ps.map((p) => p?.name)).size === ps.length,
  )
  @OptionRule('must list at least one { name, apiKey }', (ps) => Array.isArray(ps) && ps.length > 0)
  @ValidateNested({ each: true, message: 'must be an object { name, apiKey }' })
  @Type(() => ArgosProjectCredentials)
  projects!: ArgosProjectCredentials[];
  /** Project used when none is named. Default: the first of `projects`. */
  @IsOptional()
  @OptionRule(
    'must name one of the configured projects',
    (name, o: ArgosClientOptionsSchema) =>
      Array.isArray(o.projects) && o.projects.some((p) => p?.name === name),
  )
  defaultProject?: string;
  @OptionGroup(() => TimeoutOptions) timeouts = new TimeoutOptions();
  @OptionGroup(() => RetryOptions) retry = new RetryOptions();
  @OptionGroup(() => BreakerOptions) breaker = new BreakerOptions();
  /** Largest image `submitFaceImage` accepts; larger ones are refused before any call. Default 5 MiB. */
  @OptionRange(1, Number.MAX_SAFE_INTEGER, { wording: 'between' }) maxImageBytes = 5 * 1024 * 1024;
  /** Largest response body accepted (a full 2,000-record page, a base64 image). Default 32 MiB. */
  @OptionRange(1024, Number.MAX_SAFE_INTEGER, { wording: 'between' }) maxResponseBytes = 32 * 1024 * 1024;
  /** Clock of the circuit breaker (epoch ms). Default `Date.now`. */
  @IsOptional() @OptionRule('must be a function', (f) => typeof f === 'function') now?: () => number;
  /** Source of backoff jitter in [0, 1). Default `Math.random`; tests pin it. */
  @IsOptional() @OptionRule('must be a function', (f) => typeof f === 'function') random?: () => number;
  /** Told about every call, retry and circuit change (metrics). Must not throw. Kept as is (unchecked). */
  @Exclude() observer?: ArgosCallObserver;
}

type Groups = 'timeouts' | 'retry' | 'breaker';
/** What a host passes: `projects`, and any other option (groups partially). */
export type ArgosClientModuleOptions = Partial<Omit<ArgosClientOptionsSchema, Groups>> &
  Pick<ArgosClientOptionsSchema, 'projects'> & { [K in Groups]?: Partial<ArgosClientOptionsSchema[K]> };

function baseUrlProblem(value: unknown, options: object | undefined): string | undefined {
  if (typeof value !== 'string' || !URL.canParse(value)) return 'must be an absolute http(s) URL';
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return 'must use https (or http for a local sandbox)';
  if (url.username !== '' || url.password !== '') return 'must not embed credentials';
  if (url.search !== '' || url.hash !== '') return 'must not carry a query string or fragment';
  const loopback = LOOPBACK_HOSTS.has(url.hostname) || url.hostname.endsWith('.localhost');
  if (
    url.protocol === 'http:' &&
    !loopback &&
    (options as ArgosClientOptionsSchema).allowInsecureHttp !== true
  )
    return 'uses plain http to a non-loopback host; use https or set allowInsecureHttp: true';
  return undefined;
}
