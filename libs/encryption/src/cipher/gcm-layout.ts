import { encryptionConfigErrors } from '../errors/encryption-config-error.messages';

/** Text encoding of a GCM ciphertext. */
export type GcmEncoding = 'base64' | 'base64url' | 'hex';

/**
 * Byte layout of an AES-256-GCM ciphertext. Argos does not document it: the default
 * `base64(nonce12 ‖ ciphertext ‖ tag16)` is an assumption and every part is configurable.
 * The tag is always 16 bytes.
 */
export interface GcmLayout {
  nonceLength: number;
  order: 'nonce-ciphertext-tag' | 'nonce-tag-ciphertext';
  encoding: GcmEncoding;
}

export const GCM_TAG_LENGTH = 16;

export const DEFAULT_GCM_LAYOUT: Readonly<GcmLayout> = Object.freeze({
  nonceLength: 12,
  order: 'nonce-ciphertext-tag',
  encoding: 'base64',
});

// Shorter nonces weaken GCM; longer ones are hashed down by GHASH and buy nothing.
const MIN_NONCE_LENGTH = 12;
const MAX_NONCE_LENGTH = 16;
const ORDERS: readonly GcmLayout['order'][] = ['nonce-ciphertext-tag', 'nonce-tag-ciphertext'];
const ENCODINGS: readonly GcmEncoding[] = ['base64', 'base64url', 'hex'];

/** Merges a partial layout over the default and validates it; `optionPath` names it in errors. */
export function resolveGcmLayout(
  partial: Partial<GcmLayout> | undefined,
  optionPath = 'gcmLayout',
): GcmLayout {
  const layout: GcmLayout = { ...DEFAULT_GCM_LAYOUT, ...stripUndefined(partial ?? {}) };
  const { nonceLength, order, encoding } = layout;
  if (!Number.isInteger(nonceLength) || nonceLength < MIN_NONCE_LENGTH || nonceLength > MAX_NONCE_LENGTH) {
    throw encryptionConfigErrors.invalidOption(
      `${optionPath}.nonceLength`,
      `must be an integer from ${MIN_NONCE_LENGTH} to ${MAX_NONCE_LENGTH}`,
    );
  }
  if (!ORDERS.includes(order)) {
    throw encryptionConfigErrors.invalidOption(`${optionPath}.order`, `must be one of ${ORDERS.join(', ')}`);
  }
  if (!ENCODINGS.includes(encoding)) {
    throw encryptionConfigErrors.invalidOption(
      `${optionPath}.encoding`,
      `must be one of ${ENCODINGS.join(', ')}`,
    );
  }
  return layout;
}

// `{ nonceLength: undefined }` (e.g. from an unset env var) must not erase the default.
function stripUndefined(partial: Partial<GcmLayout>): Partial<GcmLayout> {
  return Object.fromEntries(Object.entries(partial).filter(([, value]) => value !== undefined));
}
