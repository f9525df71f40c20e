import { readFileSync } from 'node:fs';
import { SandboxConfigError } from './sandbox-config.error';
import type {
  ImageResponseFormat,
  ProjectConfigInput,
  SandboxCipher,
  SandboxConfigInput,
  TokenExpirationInput,
  WebhookOrder,
  WebhookVersion,
} from './sandbox-config.type';

/** Port of the standalone process when `SANDBOX_PORT` is unset. */
export const DEFAULT_SANDBOX_PORT = 4010;

/**
 * Builds the sandbox input from the environment: `SANDBOX_CONFIG` (a JSON file with the shape of
 * `SandboxConfigInput`) first, then the direct overrides, which apply to the first project.
 * The caller passes the environment in, so only main.ts touches `process.env`.
 */
export function loadSandboxConfigFromEnv(env: Record<string, string | undefined>): SandboxConfigInput {
  const file = env.SANDBOX_CONFIG ? readConfigFile(env.SANDBOX_CONFIG) : {};
  const projects = [...(file.projects ?? [{}])];
  projects[0] = { ...projects[0], ...projectOverrides(env) };
  return {
    ...file,
    host: env.SANDBOX_HOST ?? file.host,
    port:
      env.SANDBOX_PORT !== undefined
        ? toInt(env.SANDBOX_PORT, 'SANDBOX_PORT')
        : (file.port ?? DEFAULT_SANDBOX_PORT),
    clockStart: env.SANDBOX_CLOCK_START ?? file.clockStart,
    logLevels: file.logLevels ?? ['warn', 'error'],
    projects,
  };
}

// Only the variables that are set: an unset one must not erase the config file's value.
function projectOverrides(env: Record<string, string | undefined>): ProjectConfigInput {
  const overrides: ProjectConfigInput = {
    pid: env.SANDBOX_PID,
    apiKey: env.SANDBOX_API_KEY,
    secretKey: env.SANDBOX_SECRET_KEY,
    cipher: env.SANDBOX_CIPHER as SandboxCipher | undefined,
    webhookUrl: env.SANDBOX_WEBHOOK_URL,
    webhookVersion: env.SANDBOX_WEBHOOK_VERSION as WebhookVersion | undefined,
    secureTransmission: toBool(env.SANDBOX_SECURE_TRANSMISSION, 'SANDBOX_SECURE_TRANSMISSION'),
    tokenExpiration: toExpiration(env.SANDBOX_TOKEN_EXPIRATION),
    imageResponse: env.SANDBOX_IMAGE_RESPONSE as ImageResponseFormat | undefined,
    extraRecordFields: toBool(env.SANDBOX_EXTRA_RECORD_FIELDS, 'SANDBOX_EXTRA_RECORD_FIELDS'),
    webhookOrder: env.SANDBOX_WEBHOOK_ORDER as WebhookOrder | undefined,
  };
  return Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
}

function readConfigFile(path: string): SandboxConfigInput {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new SandboxConfigError(`Sandbox setting "SANDBOX_CONFIG" points at ${path}, which cannot be read.`);
  }
  try {
    return JSON.parse(text) as SandboxConfigInput;
  } catch {
    throw new SandboxConfigError(`Sandbox setting "SANDBOX_CONFIG": ${path} is not valid JSON.`);
  }
}

/** `off`, `count` or `time:<seconds>[:elapsed]`. */
function toExpiration(value: string | undefined): TokenExpirationInput | undefined {
  if (value === undefined) return undefined;
  const [mode, seconds, notifyAt] = value.split(':');
  if (mode === 'off' || mode === 'count') return { mode };
  if (mode === 'time' && seconds !== undefined) {
    const windowSeconds = toInt(seconds, 'SANDBOX_TOKEN_EXPIRATION');
    return { mode, windowSeconds, notifyAt: notifyAt === 'elapsed' ? 'elapsed' : 'first-use' };
  }
  throw new SandboxConfigError(
    'Sandbox setting "SANDBOX_TOKEN_EXPIRATION" must be "off", "count" or "time:<seconds>[:elapsed]".',
  );
}

function toInt(value: string, name: string): number {
  if (!/^\d+$/.test(value)) throw new SandboxConfigError(`Sandbox setting "${name}" must be a whole number.`);
  return Number(value);
}

function toBool(value: string | undefined, name: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (['1', 'true', 'yes', 'on'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false;
  throw new SandboxConfigError(`Sandbox setting "${name}" must be true or false.`);
}
