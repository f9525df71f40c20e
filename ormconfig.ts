/**
 * DataSource for the TypeORM CLI (`npm run migration:run`, `migration:generate`). It reads the same
 * settings as the service (DATABASE_URL, SQLITE_PATH).
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions, loadConfig } from './src/service';

export default new DataSource({
  ...dataSourceOptions(loadConfig(process.env).database),
  migrationsRun: false,
});
