import { Inject } from '@nestjs/common';
import { ArgosClientRegistry } from './argos-client.registry';
import { ARGOS_CLIENT, ARGOS_CLIENT_OPTIONS } from './argos-client.tokens';

/** Injects the {@link ArgosClientRegistry} (one client per configured project). */
export const InjectArgosClientRegistry = (): ParameterDecorator => Inject(ArgosClientRegistry);

/** Injects the `ArgosClient` of the default project. */
export const InjectArgosClient = (): ParameterDecorator => Inject(ARGOS_CLIENT);

/** Injects the `ResolvedArgosClientOptions` (API keys are non-enumerable there). */
export const InjectArgosClientOptions = (): ParameterDecorator => Inject(ARGOS_CLIENT_OPTIONS);
