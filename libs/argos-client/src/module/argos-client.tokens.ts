/** Options exactly as given to `forRoot` / returned by the `forRootAsync` factory. */
export const ARGOS_CLIENT_MODULE_OPTIONS = Symbol('ARGOS_CLIENT_MODULE_OPTIONS');
/** Validated options with defaults filled in (`ResolvedArgosClientOptions`). */
export const ARGOS_CLIENT_OPTIONS = Symbol('ARGOS_CLIENT_OPTIONS');
/** The axios instance built from the options (`createArgosAxiosInstance`): no redirects, connect timeout, no env proxy. */
export const ARGOS_AXIOS_INSTANCE = Symbol('ARGOS_AXIOS_INSTANCE');
/** The `ArgosTransport` all clients of the module share; override it in tests if needed. */
export const ARGOS_TRANSPORT = Symbol('ARGOS_TRANSPORT');
/** The `ArgosClient` of the default project. */
export const ARGOS_CLIENT = Symbol('ARGOS_CLIENT');
