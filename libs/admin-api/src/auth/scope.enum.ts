/** What an internal API key may do. `admin` implies every other scope. */
export enum Scope {
  LINKS_WRITE = 'links:write',
  LINKS_READ = 'links:read',
  RESULTS_READ = 'results:read',
  RESULTS_WRITE = 'results:write',
  RESULTS_DELETE = 'results:delete',
  METRICS_READ = 'metrics:read',
  ADMIN = 'admin',
}

export const ALL_SCOPES: readonly Scope[] = Object.values(Scope);

export function isScope(value: string): value is Scope {
  return (ALL_SCOPES as readonly string[]).includes(value);
}

/** Whether a key holding `granted` may call a route requiring every scope of `required`. */
export function grants(granted: ReadonlySet<Scope>, required: readonly Scope[]): boolean {
  if (granted.has(Scope.ADMIN)) return true;
  return required.every((scope) => granted.has(scope));
}
