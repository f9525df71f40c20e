import { Injectable } from '@nestjs/common';
import { SandboxClock } from '../core/sandbox-clock';
import { decide } from '../decision/decision.engine';
import { AuthRecordStore } from '../state/auth-record.store';
import type { AuthRecord } from '../state/auth-record.type';
import type { SandboxProject } from '../state/project.registry';
import { referenceImage, Submission } from '../state/submission.type';
import { buildFaceAuthPayload, WebhookPayload } from '../webhooks/webhook-payload.builder';
import { orderDueWebhooks } from '../webhooks/webhook-order';
import { WebhookDispatcher } from '../webhooks/webhook.dispatcher';

/** One FaceAuth attempt, from the hosted page or the REST API, after its inputs were checked. */
export interface AttemptInput {
  project: SandboxProject;
  /** An approved submission with a reference image. */
  submission: Submission;
  image: Buffer;
  submitType: 'form' | 'api';
  userId?: string;
  cf1?: string;
  cf2?: string;
  cf3?: string;
  tokenId?: string;
  /** The `token_expired` notice this use made due, sent with `faceAuth` in the project's `webhookOrder`. */
  tokenExpired?: WebhookPayload;
}

/** Decides an attempt, stores the record and sends its webhooks (`faceAuth`, and a due `token_expired`). */
@Injectable()
export class FaceAuthAttemptService {
  constructor(
    private readonly records: AuthRecordStore,
    private readonly clock: SandboxClock,
    private readonly webhooks: WebhookDispatcher,
  ) {}

  record(input: AttemptInput): AuthRecord {
    const { project, submission, image } = input;
    const reference = referenceImage(submission) ?? Buffer.alloc(0);
    const decision = decide({
      upload: image,
      reference,
      userFields: [input.userId, input.cf1, input.cf2, input.cf3],
      policy: project.policy,
      method: input.submitType,
    });
    const record = this.records.add({
      pid: project.pid,
      status: decision.status,
      createdAt: this.clock.now(),
      submitType: input.submitType,
      submissionId: submission.id,
      userId: input.userId,
      cf1: input.cf1,
      cf2: input.cf2,
      cf3: input.cf3,
      tokenId: input.tokenId,
      policy: { ...project.policy },
      scores: decision.scores,
      failCodes: decision.failCodes,
      comments: decision.comments,
      image: Buffer.from(image),
    });
    const faceAuth = buildFaceAuthPayload(project.webhookVersion, record, submission);
    this.webhooks.sendInOrder(project, orderDueWebhooks(project.webhookOrder, faceAuth, input.tokenExpired));
    return record;
  }
}
