import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync } from 'class-validator';
import { ConfigError } from './config.error';
import { Environment } from './environment.schema';

export type Env = Readonly<Record<string, string | undefined>>;

/** The names {@link Environment} declares, in declaration order. */
export function environmentSettingNames(): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(Environment, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))];
}

/**
 * The environment, typed and checked against {@link Environment}. Only the schema's variables are read;
 * values are trimmed and a blank one counts as unset. Throws a {@link ConfigError} naming the first bad one.
 */
export function validateEnvironment(raw: Env): Environment {
  const known: Record<string, string> = {};
  for (const name of environmentSettingNames()) {
    const value = raw[name]?.trim();
    if (value !== undefined && value !== '') known[name] = value;
  }
  const environment = plainToInstance(Environment, known);
  const [first] = validateSync(environment, { stopAtFirstError: true });
  if (first) {
    throw new ConfigError(first.property, Object.values(first.constraints ?? {})[0] ?? 'is invalid');
  }
  return environment;
}
