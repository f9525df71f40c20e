/** The two Argos query-string ciphers: "AES-256" (ECB, the default) and "GCM-256". */
export type CipherName = 'aes-256-ecb' | 'aes-256-gcm';

/** Every supported cipher name, for validating configuration and CLI input. */
export const CIPHER_NAMES: readonly CipherName[] = ['aes-256-ecb', 'aes-256-gcm'];
