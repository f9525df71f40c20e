import { CIPHER_NAMES } from '../cipher/cipher-name.type';
import { resolveGcmLayout } from '../cipher/gcm-layout';
import { encryptionConfigErrors } from '../errors/encryption-config-error.messages';
import { deriveKey } from '../key/derive-key';
import { PLAINTEXT_FORMATS } from '../query/plaintext-format.type';
import { FaceAuthUrlBuilder } from '../url/faceauth-url.builder';
import { DEFAULT_FORM_URL } from '../url/form-url.constants';
import { EncryptionModuleOptions } from './encryption-options.interface';
import { checkFormUrl, checkNonEmptyString, checkOneOf } from './option.check';

/** Validated options, with one builder (and thus one derived key) per project. */
export interface ResolvedEncryptionOptions {
  defaultProjectName: string;
  builders: ReadonlyMap<string, FaceAuthUrlBuilder>;
}

/**
 * Validates module options and derives each project's key exactly once. Throws `EncryptionConfigError`
 * whose message names the offending option (e.g. `projects[1].pid`) and never contains a key string.
 */
export function resolveEncryptionOptions(options: EncryptionModuleOptions): ResolvedEncryptionOptions {
  if (typeof options !== 'object' || options === null) {
    throw encryptionConfigErrors.invalidOption('options', 'must be an object');
  }
  const formUrl = checkFormUrl(options.formUrl ?? DEFAULT_FORM_URL, 'formUrl');
  if (!Array.isArray(options.projects) || options.projects.length === 0) {
    throw encryptionConfigErrors.invalidOption('projects', 'must list at least one FaceAuth project');
  }
  const builders = new Map<string, FaceAuthUrlBuilder>();
  options.projects.forEach((project, index) => {
    const path = `projects[${index}]`;
    if (typeof project !== 'object' || project === null) {
      throw encryptionConfigErrors.invalidOption(path, 'must be an object');
    }
    const name = checkNonEmptyString(project.name, `${path}.name`);
    if (builders.has(name))
      throw encryptionConfigErrors.invalidOption(`${path}.name`, `duplicates the project name "${name}"`);
    const pid = checkNonEmptyString(project.pid, `${path}.pid`);
    const keyString = checkNonEmptyString(project.keyString, `${path}.keyString`);
    const cipher = checkOneOf(project.cipher ?? 'aes-256-ecb', CIPHER_NAMES, `${path}.cipher`);
    const format = checkOneOf(project.format ?? 'json', PLAINTEXT_FORMATS, `${path}.format`);
    const gcmLayout = resolveGcmLayout(project.gcmLayout, `${path}.gcmLayout`);
    builders.set(
      name,
      new FaceAuthUrlBuilder({ formUrl, pid, key: deriveKey(keyString), cipher, format, gcmLayout }),
    );
  });
  const defaultProjectName = options.defaultProject ?? options.projects[0]?.name;
  if (typeof defaultProjectName !== 'string' || !builders.has(defaultProjectName)) {
    throw encryptionConfigErrors.invalidOption(
      'defaultProject',
      `must be one of the project names: ${[...builders.keys()].join(', ')}`,
    );
  }
  return { defaultProjectName, builders };
}
