import { Inject } from '@nestjs/common';

/** This process's identity in lock rows and run records (random per start). */
export const CLEANUP_INSTANCE_ID = Symbol('faceauth:cleanup-instance-id');
export const InjectCleanupInstanceId = (): ParameterDecorator => Inject(CLEANUP_INSTANCE_ID);
