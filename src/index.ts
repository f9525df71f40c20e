export type { FaceAuthProject, TokenExpirationSetting } from './options/faceauth-project';
export { FACEAUTH_ENTITIES, FACEAUTH_MIGRATIONS } from './database/faceauth-schema';
export { ClockModule } from './clock.module';
