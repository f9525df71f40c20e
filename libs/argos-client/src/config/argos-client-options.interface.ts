import { ArgosCallObserver } from './argos-call.observer';
import { ArgosClientOptionsSchema, ArgosProjectCredentials } from './argos-client-options.schema';

type Schema = ArgosClientOptionsSchema;
type Derived = 'allowInsecureHttp' | 'projects' | 'timeouts' | 'retry' | 'breaker' | 'observer';

/** Options after validation, with every default filled in. Frozen; API keys are non-enumerable. */
export type ResolvedArgosClientOptions = Readonly<
  Required<Omit<Schema, Derived>> & {
    projects: readonly Readonly<ArgosProjectCredentials>[];
    timeouts: Readonly<Schema['timeouts']>;
    retry: Readonly<Required<Schema['retry']>>;
    breaker: Readonly<Schema['breaker']>;
    observer?: ArgosCallObserver;
  }
>;
