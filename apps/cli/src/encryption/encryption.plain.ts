// The Nest-free half of @faceauth/encryption (libs/encryption/src/plain.ts). The package's index adds the
// library's Nest module, whose import alone costs the offline commands about 0.2 s; they never need it.
export * from '@faceauth/encryption/plain';
