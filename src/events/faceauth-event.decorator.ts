import { OnEvent } from '@nestjs/event-emitter';
import { FACEAUTH_OUTCOME_EVENT } from '@faceauth/token-policy';
import { FACEAUTH_RESULT_EVENT, FACEAUTH_TOKEN_EXPIRED_EVENT } from '@faceauth/webhook';

/**
 * Marks a host method to be called with a `FaceAuthResultEvent` each time a FaceAuth result is stored
 * (webhook or reconciliation). Needs `EventEmitterModule.forRoot()` in the host. At least once: a handler
 * must tolerate a repeat (key it on `event.record.authId`). `event.clientReference` and `event.metadata` are
 * the context the link was minted with (null / `{}` when the result came through no verified link of ours).
 */
export const OnFaceAuthResult = (): MethodDecorator =>
  OnEvent(FACEAUTH_RESULT_EVENT, { async: true, promisify: true });

/**
 * Marks a host method to be called with a `FaceAuthTokenExpiredEvent` when Argos expires a token; it carries
 * the token's link context too (`clientReference`, `metadata`: null / `{}` for a token not minted here).
 */
export const OnFaceAuthTokenExpired = (): MethodDecorator =>
  OnEvent(FACEAUTH_TOKEN_EXPIRED_EVENT, { async: true, promisify: true });

/**
 * Marks a host method to be called with a `FaceAuthOutcomeEvent` when a link's outcome is decided:
 * `faceauth.link.approved`, `.rejected`, `.expired` or `.revoked`, the same body as the signed outbound
 * webhook (`{type, timestamp, data: {link, result}}`). This is what to act on (unlock the payment on
 * `event.data.link.outcome.status === 'approved'`): a result outside the link's policy never reaches it.
 * At least once: key the handler on `event.data.link.id`.
 */
export const OnFaceAuthOutcome = (): MethodDecorator =>
  OnEvent(FACEAUTH_OUTCOME_EVENT, { async: true, promisify: true });
