import { Provider } from '@nestjs/common';

/** Environment variable holding the FaceAuth key string, so it need not appear in shell history. */
export const FACEAUTH_KEY_ENV = 'FACEAUTH_KEY';

/** What the CLI takes from its environment; commands inject this instead of reading `process.env`. */
export class CliConfig {
  constructor(
    /** Key string from {@link FACEAUTH_KEY_ENV}, if set and non-empty. */
    readonly envKeyString: string | undefined,
  ) {}
}

export function loadCliConfig(env: NodeJS.ProcessEnv): CliConfig {
  const key = env[FACEAUTH_KEY_ENV];
  return new CliConfig(key === undefined || key === '' ? undefined : key);
}

export const cliConfigProvider: Provider = {
  provide: CliConfig,
  useFactory: () => loadCliConfig(process.env),
};
