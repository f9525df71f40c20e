export type { FaceAuthProject, TokenExpirationSetting } from './options/faceauth-project';
export type { FaceAuthModuleOptions } from './options/faceauth-module.options';
export { FACEAUTH_ENTITIES, FACEAUTH_MIGRATIONS } from './database/faceauth-schema';
export { ClockModule } from './clock.module';
export { FaceAuthModule } from './faceauth.module';
