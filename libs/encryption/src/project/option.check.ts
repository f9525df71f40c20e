import { encryptionConfigErrors } from '../errors/encryption-config-error.messages';

// Shared by the URL builder and the module options resolver so both name the exact option path.

export function checkNonEmptyString(value: unknown, option: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw encryptionConfigErrors.invalidOption(option, 'must be a non-empty string');
  }
  return value;
}

export function checkOneOf<T extends string>(value: unknown, allowed: readonly T[], option: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw encryptionConfigErrors.invalidOption(option, `must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** An absolute http(s) URL without a fragment: the page that receives `?pid=…&encrypted=…`. */
export function checkFormUrl(value: unknown, option: string): string {
  const text = checkNonEmptyString(value, option);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw encryptionConfigErrors.invalidOption(option, 'must be an absolute http(s) URL');
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.hash !== '') {
    throw encryptionConfigErrors.invalidOption(option, 'must be an absolute http(s) URL without a #fragment');
  }
  return text;
}
