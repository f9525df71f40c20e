import type { Provider } from '@nestjs/common';
import type { Env } from '@faceauth/service';

/** Environment variable holding the FaceAuth key string, so it need not appear in shell history. */
export const FACEAUTH_KEY_ENV = 'FACEAUTH_KEY';

/** What the CLI takes from its environment; commands inject this instead of reading `process.env`. */
export class CliConfig {
  constructor(
    /** Key string from {@link FACEAUTH_KEY_ENV}, if set and non-empty. */
    readonly envKeyString: string | undefined,
    /**
     * The variables the service itself reads (DATABASE_URL or SQLITE_PATH, FACEAUTH_*, ARGOS_*…). Kept raw:
     * only commands that open the service context validate them, so `encrypt` never fails on a bad DATABASE_URL.
     */
    readonly serviceEnv: Env,
  ) {}
}

export function loadCliConfig(env: NodeJS.ProcessEnv): CliConfig {
  const key = env[FACEAUTH_KEY_ENV];
  return new CliConfig(key === undefined || key === '' ? undefined : key, Object.freeze({ ...env }));
}

export const cliConfigProvider: Provider = {
  provide: CliConfig,
  useFactory: () => loadCliConfig(process.env),
};
