import { FaceAuthProject, TokenExpirationSetting } from '@faceauth/module';
import { ConfigError } from './config.error';
import { Environment } from './environment.schema';
import { SAFE_NAME_PATTERN } from '@faceauth/core';

/** Public test credentials of the bundled Argos sandbox (see apps/argos-sandbox/README.md). */
export const SANDBOX_PROJECT: FaceAuthProject = {
  name: 'default',
  pid: 'sandbox-project',
  apiKey: 'sandbox-api-key',
  cipher: 'aes-256-ecb',
  plaintextFormat: 'json',
  tokenExpiration: { mode: 'off' },
};

const CIPHERS = {
  ecb: 'aes-256-ecb',
  gcm: 'aes-256-gcm',
  'aes-256-ecb': 'aes-256-ecb',
  'aes-256-gcm': 'aes-256-gcm',
} as const;

/**
 * FaceAuth projects from `FACEAUTH_PROJECTS` (a JSON array) or, for the common single-project case, from
 * `FACEAUTH_PID` + `FACEAUTH_API_KEY` (+ optional `FACEAUTH_SECRET_KEY`, `FACEAUTH_CIPHER`,
 * `FACEAUTH_PLAINTEXT_FORMAT`, `FACEAUTH_TOKEN_EXPIRATION`). Returns null when neither is set.
 */
export function readProjects(e: Environment): FaceAuthProject[] | null {
  if (e.FACEAUTH_PROJECTS !== undefined) return parseProjectList(e.FACEAUTH_PROJECTS);
  if (e.FACEAUTH_PID === undefined && e.FACEAUTH_API_KEY === undefined) return null;
  if (e.FACEAUTH_PID === undefined) throw new ConfigError('FACEAUTH_PID', 'is required');
  if (e.FACEAUTH_API_KEY === undefined) throw new ConfigError('FACEAUTH_API_KEY', 'is required');
  return [
    toProject(
      {
        name: 'default',
        pid: e.FACEAUTH_PID,
        apiKey: e.FACEAUTH_API_KEY,
        secretKey: e.FACEAUTH_SECRET_KEY,
        cipher: e.FACEAUTH_CIPHER,
        plaintextFormat: e.FACEAUTH_PLAINTEXT_FORMAT,
        tokenExpiration: e.FACEAUTH_TOKEN_EXPIRATION,
      },
      'FACEAUTH_*',
    ),
  ];
}

function parseProjectList(json: string): FaceAuthProject[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new ConfigError('FACEAUTH_PROJECTS', 'must be a JSON array of projects');
  }
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new ConfigError('FACEAUTH_PROJECTS', 'must be a non-empty JSON array of projects');
  }
  const projects = raw.map((item, i) => toProject(item, `FACEAUTH_PROJECTS[${i}]`));
  const names = projects.map((p) => p.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) throw new ConfigError('FACEAUTH_PROJECTS', `declares the project name "${duplicate}" twice`);
  return projects;
}

function toProject(raw: unknown, where: string): FaceAuthProject {
  if (typeof raw !== 'object' || raw === null) throw new ConfigError(where, 'must be an object');
  const r = raw as Record<string, unknown>;
  const text = (key: string, required: boolean): string | undefined => {
    const value = r[key];
    if (value === undefined || value === null || value === '') {
      if (required) throw new ConfigError(`${where}.${key}`, 'is required');
      return undefined;
    }
    if (typeof value !== 'string') throw new ConfigError(`${where}.${key}`, 'must be a string');
    return value;
  };
  const name = text('name', false) ?? 'default';
  if (!SAFE_NAME_PATTERN.test(name)) throw new ConfigError(`${where}.name`, 'must be 1-64 of [A-Za-z0-9._-]');
  const cipherName = (text('cipher', false) ?? 'ecb').toLowerCase();
  const cipher = CIPHERS[cipherName as keyof typeof CIPHERS];
  if (!cipher) throw new ConfigError(`${where}.cipher`, 'must be ecb or gcm');
  const plaintextFormat = text('plaintextFormat', false) ?? 'json';
  if (plaintextFormat !== 'json' && plaintextFormat !== 'querystring') {
    throw new ConfigError(`${where}.plaintextFormat`, 'must be json or querystring');
  }
  return {
    name,
    pid: text('pid', true)!,
    apiKey: text('apiKey', true)!,
    secretKey: text('secretKey', false),
    cipher,
    plaintextFormat,
    tokenExpiration: parseTokenExpiration(r['tokenExpiration'], `${where}.tokenExpiration`),
  };
}

/** `off`, `count`, `time:<seconds>` or `{mode, windowSeconds}`. */
export function parseTokenExpiration(value: unknown, where: string): TokenExpirationSetting {
  const spec =
    typeof value === 'object' && value !== null ? objectSpec(value as Record<string, unknown>) : value;
  if (spec === undefined || spec === null || spec === '' || spec === 'off') return { mode: 'off' };
  if (spec === 'count') return { mode: 'count' };
  const seconds = typeof spec === 'string' ? Number(/^time:(\d+)$/.exec(spec)?.[1]) : NaN;
  if (!Number.isInteger(seconds) || seconds < 1) {
    throw new ConfigError(where, 'must be off, count, or time:<seconds> with seconds ≥ 1');
  }
  return { mode: 'time', windowSeconds: seconds };
}

function objectSpec(value: Record<string, unknown>): unknown {
  return value.mode === 'time' ? `time:${String(value.windowSeconds)}` : value.mode;
}
