import { Inject } from '@nestjs/common';
import { ModuleOptionsError, SAFE_NAME_PATTERN } from '@faceauth/core';
import { EncryptionConfigError } from '@faceauth/encryption';
import { FaceAuthModuleOptions, ResolvedFaceAuthOptions } from './faceauth-module.options';
import { FaceAuthProject, ResolvedFaceAuthProject } from './faceauth-project';
import { libOptionChecks } from './lib-options.mapper';

export type { ResolvedFaceAuthOptions };

export const RESOLVED_FACEAUTH_OPTIONS = Symbol('faceauth:resolved-options');

/** Injects the validated {@link FaceAuthModuleOptions} (they hold API keys: never log them). */
export const InjectFaceAuthOptions = (): ParameterDecorator => Inject(RESOLVED_FACEAUTH_OPTIONS);

const NAME = SAFE_NAME_PATTERN;

function fail(option: string, rule: string): never {
  throw new ModuleOptionsError('FaceAuthModule', option, rule);
}

/**
 * Validates at module init: the shape of the options here, everything else by the libraries' own schemas,
 * whose refusals are named by the FaceAuthModule option they came from (`argos.apiBaseUrl`, not `baseUrl`).
 * @throws ModuleOptionsError `FaceAuthModule option <option> <rule>`
 */
export function resolveFaceAuthOptions(options: FaceAuthModuleOptions): ResolvedFaceAuthOptions {
  if (typeof options !== 'object' || options === null) fail('(root)', 'must be an object');
  if (!Array.isArray(options.projects) || options.projects.length === 0)
    fail('projects', 'must list at least one FaceAuth project');
  options.projects.forEach((p, i) => {
    if (!NAME.test(p?.name ?? '')) fail(`projects[${i}].name`, 'must be 1-64 characters of [A-Za-z0-9._-]');
  });
  if (typeof options.argos !== 'object' || options.argos === null)
    fail('argos', 'is required ({apiBaseUrl, formUrl})');
  if (typeof options.http !== 'object' || options.http === null)
    fail('http', 'is required ({publicBaseUrl})');
  const resolved: ResolvedFaceAuthOptions = {
    ...options,
    projects: options.projects.map(withVendorDefaults),
    defaultProject: options.defaultProject ?? options.projects[0].name,
  };
  for (const { validate, path } of libOptionChecks) {
    try {
      validate(resolved);
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      fail(path(refusal.option, resolved), refusal.rule);
    }
  }
  return resolved;
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

/** A library's refusal of an option (the Argos client's carries it as its `cause`), as path and rule. */
function refusalOf(error: unknown): { option: string; rule: string } | undefined {
  const refusal = error instanceof Error && error.cause instanceof ModuleOptionsError ? error.cause : error;
  if (refusal instanceof ModuleOptionsError) return refusal;
  if (refusal instanceof EncryptionConfigError)
    return { option: refusal.option, rule: refusal.message.replace(/^.*?: /, '') };
  return undefined;
}
