import { isUnsafeText } from '@faceauth/core';

/** The company's own key/value context of a link (string values only), returned with it and its events. */
export type LinkMetadata = Record<string, string>;

/** The limits of a link's context, one source for the API's validation, its documentation and minting. */
export const LINK_CONTEXT_LIMITS = {
  clientReferenceMaxLength: 256,
  metadataMaxKeys: 20,
  metadataKeyMaxLength: 40,
  metadataValueMaxLength: 500,
} as const;

/** A metadata key: 1-40 characters of `A-Z a-z 0-9 _ . : -`. */
export const METADATA_KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,40}$/;

/** Keys that a naive merge in host code would treat as an object's prototype. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** What is wrong with a link's context: the field (`clientReference`, `metadata`, `metadata.<key>`) and why. */
export interface LinkContextProblem {
  field: string;
  message: string;
}

/** The first problem of a client reference, or null; `undefined` (not given) is fine. */
export function clientReferenceProblem(value: unknown): LinkContextProblem | null {
  if (value === undefined) return null;
  const max = LINK_CONTEXT_LIMITS.clientReferenceMaxLength;
  if (typeof value !== 'string' || value.length < 1 || value.length > max)
    return { field: 'clientReference', message: `clientReference must be a string of 1-${max} characters` };
  if (isUnsafeText(value))
    return {
      field: 'clientReference',
      message: 'clientReference must not contain NUL characters or unpaired UTF-16 surrogates',
    };
  return null;
}

/** The first problem of a metadata object, or null; `undefined` (not given) is fine. */
export function metadataProblem(value: unknown): LinkContextProblem | null {
  if (value === undefined) return null;
  const { metadataMaxKeys, metadataKeyMaxLength, metadataValueMaxLength } = LINK_CONTEXT_LIMITS;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { field: 'metadata', message: 'metadata must be an object of string values' };
  const keys = Object.keys(value);
  if (keys.length > metadataMaxKeys)
    return { field: 'metadata', message: `metadata must have at most ${metadataMaxKeys} keys` };
  for (const key of keys) {
    if (!METADATA_KEY_PATTERN.test(key) || RESERVED_KEYS.has(key))
      return {
        field: 'metadata',
        message: `metadata keys must be 1-${metadataKeyMaxLength} characters of A-Z, a-z, 0-9, _ . : - (and not __proto__, constructor or prototype)`,
      };
    const field = `metadata.${key}`;
    const entry = (value as Record<string, unknown>)[key];
    if (typeof entry !== 'string' || entry.length > metadataValueMaxLength)
      return { field, message: `${field} must be a string of at most ${metadataValueMaxLength} characters` };
    if (isUnsafeText(entry))
      return { field, message: `${field} must not contain NUL characters or unpaired UTF-16 surrogates` };
  }
  return null;
}

/** The first problem of a link's context, or null. */
export function linkContextProblem(input: {
  clientReference?: unknown;
  metadata?: unknown;
}): LinkContextProblem | null {
  return clientReferenceProblem(input.clientReference) ?? metadataProblem(input.metadata);
}

/** A stored metadata object as callers see it: `{}` when the link has none, a copy otherwise. */
export function metadataOf(stored: LinkMetadata | null | undefined): LinkMetadata {
  return stored ? { ...stored } : {};
}
