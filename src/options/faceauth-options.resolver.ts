import { Inject } from '@nestjs/common';
import { FaceAuthModuleOptions } from './faceauth-module.options';
import { FaceAuthProject, ResolvedFaceAuthProject } from './faceauth-project';

/** The validated options, with `defaultProject` and each project's vendor defaults filled in. */
export type ResolvedFaceAuthOptions = Omit<FaceAuthModuleOptions, 'projects'> & {
  projects: ResolvedFaceAuthProject[];
  defaultProject: string;
};

export const RESOLVED_FACEAUTH_OPTIONS = Symbol('faceauth:resolved-options');

/** Injects the validated {@link FaceAuthModuleOptions} (they hold API keys: never log them). */
export const InjectFaceAuthOptions = (): ParameterDecorator => Inject(RESOLVED_FACEAUTH_OPTIONS);

const NAME = /^[A-Za-z0-9._-]{1,64}$/;

function fail(option: string, expected: string): never {
  throw new Error(`FaceAuthModule option ${option} ${expected}`);
}

function checkUrl(value: unknown, option: string): void {
  if (typeof value !== 'string') fail(option, 'must be an absolute http(s) URL');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    fail(option, 'must be an absolute http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') fail(option, 'must be an absolute http(s) URL');
}

/** Validates at module init; every message names the option at fault. */
export function resolveFaceAuthOptions(options: FaceAuthModuleOptions): ResolvedFaceAuthOptions {
  if (typeof options !== 'object' || options === null) fail('(root)', 'must be an object');
  if (!Array.isArray(options.projects) || options.projects.length === 0)
    fail('projects', 'must list at least one FaceAuth project');
  const names = new Set<string>();
  const projects = options.projects.map(withVendorDefaults);
  projects.forEach((p, i) => {
    if (!NAME.test(p?.name ?? '')) fail(`projects[${i}].name`, 'must be 1-64 characters of [A-Za-z0-9._-]');
    if (names.has(p.name)) fail(`projects[${i}].name`, `repeats "${p.name}"`);
    names.add(p.name);
    if (typeof p.pid !== 'string' || p.pid === '') fail(`projects[${i}].pid`, 'is required');
    if (typeof p.apiKey !== 'string' || p.apiKey === '') fail(`projects[${i}].apiKey`, 'is required');
    if (p.cipher !== 'aes-256-ecb' && p.cipher !== 'aes-256-gcm')
      fail(`projects[${i}].cipher`, 'must be aes-256-ecb or aes-256-gcm');
    if (p.plaintextFormat !== 'json' && p.plaintextFormat !== 'querystring')
      fail(`projects[${i}].plaintextFormat`, 'must be json or querystring');
    if (!['off', 'count', 'time'].includes(p.tokenExpiration?.mode))
      fail(`projects[${i}].tokenExpiration`, 'must be {mode: off|count|time}');
  });
  const defaultProject = options.defaultProject ?? options.projects[0].name;
  if (!names.has(defaultProject))
    fail('defaultProject', `must name a configured project (got "${defaultProject}")`);
  if (typeof options.argos !== 'object' || options.argos === null)
    fail('argos', 'is required ({apiBaseUrl, formUrl})');
  checkUrl(options.argos.apiBaseUrl, 'argos.apiBaseUrl');
  checkUrl(options.argos.formUrl, 'argos.formUrl');
  if (typeof options.http !== 'object' || options.http === null)
    fail('http', 'is required ({publicBaseUrl})');
  checkUrl(options.http.publicBaseUrl, 'http.publicBaseUrl');
  return { ...options, projects, defaultProject };
}

/** Only name, pid and apiKey are needed: the rest defaults as a new Argos project does (ECB, JSON, off). */
function withVendorDefaults(project: FaceAuthProject): ResolvedFaceAuthProject {
  return {
    ...project,
    cipher: project?.cipher ?? 'aes-256-ecb',
    plaintextFormat: project?.plaintextFormat ?? 'json',
    tokenExpiration: project?.tokenExpiration ?? { mode: 'off' },
  };
}
