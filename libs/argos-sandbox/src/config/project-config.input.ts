import { SandboxConfigError } from './sandbox-config.error';
import type { ProjectConfigInput, ProjectConfigPatch } from './sandbox-config.type';

type FieldType = 'string' | 'number' | 'boolean' | 'string[]' | 'object';

// Every settable project field and its JSON type; values are checked by the resolver afterwards.
const FIELDS: Record<keyof ProjectConfigInput, FieldType> = {
  pid: 'string',
  apiKey: 'string',
  secretKey: 'string',
  cipher: 'string',
  gcmLayout: 'object',
  plaintextFormat: 'string',
  tokenExpiration: 'object',
  ipAllowlist: 'string[]',
  bodyLimitBytes: 'number',
  webhookUrl: 'string',
  webhookVersion: 'string',
  secureTransmission: 'boolean',
  listShape: 'string',
  imageResponse: 'string',
  extraRecordFields: 'boolean',
  webhookOrder: 'string',
  policy: 'object',
};

/**
 * Reads untrusted JSON (config file entry or control-API body) as a project input: unknown keys
 * and wrongly typed values are refused with the setting's name. `null` clears an optional field.
 */
export function toProjectInput(value: unknown, path = 'project'): ProjectConfigPatch {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SandboxConfigError(`Sandbox setting "${path}" must be an object.`);
  }
  const input: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined) continue; // an unset env override
    const type = FIELDS[key as keyof ProjectConfigInput];
    if (!type)
      throw new SandboxConfigError(`Sandbox setting "${path}.${key}" is not a known project setting.`);
    if (field !== null && !hasType(field, type))
      throw new SandboxConfigError(`Sandbox setting "${path}.${key}" must be of type ${type}.`);
    input[key] = field;
  }
  return input as ProjectConfigPatch;
}

function hasType(value: unknown, type: FieldType): boolean {
  switch (type) {
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return typeof value === type;
  }
}
