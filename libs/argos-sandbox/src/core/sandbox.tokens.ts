import { Inject } from '@nestjs/common';

/** Injection token of the resolved `SandboxConfig` (the value the sandbox started with). */
export const SANDBOX_CONFIG = Symbol('SANDBOX_CONFIG');

/** Injects the resolved `SandboxConfig`. */
export const InjectSandboxConfig = (): ParameterDecorator => Inject(SANDBOX_CONFIG);
