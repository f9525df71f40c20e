/**
 * The service's own bootstrap, shared by the apps that run the product as a process (`apps/api`, `apps/cli`)
 * and by `ormconfig.ts`: the environment schema, its translation into {@link FaceAuthModuleOptions}, and the
 * TypeORM data source. Not part of the embeddable library (a host brings its own configuration and database).
 */
export * from './config/app-config';
export * from './config/config.error';
export * from './config/environment.schema';
export * from './config/validate-environment';
export * from './config/faceauth-options.config';
export * from './config/load-config';
export * from './config/projects.config';
export * from './config/trust-proxy.config';
export * from './database/data-source-options';
export * from './config/config-namespaces';
