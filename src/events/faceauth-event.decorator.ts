import { OnEvent } from '@nestjs/event-emitter';
import { FACEAUTH_RESULT_EVENT, FACEAUTH_TOKEN_EXPIRED_EVENT } from '@faceauth/webhook';

/**
 * Marks a host method to be called with a `FaceAuthResultEvent` each time a FaceAuth result is stored
 * (webhook or reconciliation). Needs `EventEmitterModule.forRoot()` in the host. At least once: a handler
 * must tolerate a repeat (key it on `event.record.authId`).
 */
export const OnFaceAuthResult = (): MethodDecorator =>
  OnEvent(FACEAUTH_RESULT_EVENT, { async: true, promisify: true });

/** Marks a host method to be called with a `FaceAuthTokenExpiredEvent` when Argos expires a token. */
export const OnFaceAuthTokenExpired = (): MethodDecorator =>
  OnEvent(FACEAUTH_TOKEN_EXPIRED_EVENT, { async: true, promisify: true });
