import { Scope } from './scope.enum';

/** Who called: attached to the request by the internal-auth guard. */
export interface ApiKeyPrincipal {
  keyName: string;
  source: 'config' | 'database';
  scopes: ReadonlySet<Scope>;
}
