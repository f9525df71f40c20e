/** Options exactly as given to `forRoot` / returned by the `forRootAsync` factory. */
export const ARGOS_CLIENT_MODULE_OPTIONS = Symbol('ARGOS_CLIENT_MODULE_OPTIONS');
/** Validated options with defaults filled in (`ResolvedArgosClientOptions`). */
export const ARGOS_CLIENT_OPTIONS = Symbol('ARGOS_CLIENT_OPTIONS');
/** The `ArgosTransport` all clients of the module share (on `HttpService.axiosRef`); override it in tests. */
export const ARGOS_TRANSPORT = Symbol('ARGOS_TRANSPORT');
/** The `ArgosClient` of the default project. */
export const ARGOS_CLIENT = Symbol('ARGOS_CLIENT');
