// Public surface of @faceauth/encryption: the plain API (plain.ts) plus the Nest face.
export * from './plain';

// Nest face
export { EncryptionModule } from './nest/encryption.module';
export { FaceAuthUrlService } from './nest/faceauth-url.service';
export { resolveEncryptionOptions } from './project/encryption-options.resolver';
