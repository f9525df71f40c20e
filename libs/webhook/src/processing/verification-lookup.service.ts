import { Injectable } from '@nestjs/common';
import {
  ArgosClientError,
  ArgosClientRegistry,
  ArgosErrorCode,
  FaceAuthRecord,
  InjectArgosClientRegistry,
} from '@faceauth/argos-client';
import { TokenBucket } from '@faceauth/core';
import { InjectWebhookOptions, ResolvedWebhookOptions } from '../webhook.options';

/**
 * Every Argos look-up that verifying a webhook costs goes through here: one rate for the whole process, so
 * a flood of forged webhooks slows the inbox down instead of spending the Argos quota.
 */
@Injectable()
export class VerificationLookupService {
  private readonly bucket: TokenBucket;

  constructor(
    @InjectArgosClientRegistry() private readonly argos: ArgosClientRegistry,
    @InjectWebhookOptions() options: ResolvedWebhookOptions,
  ) {
    const rate = options.verification.lookupsPerSecond;
    this.bucket = new TokenBucket(rate, rate);
  }

  /** The longest one look-up may take once the rate lets it go: the Argos client's call deadline. */
  get callDeadlineMs(): number {
    return this.argos.callDeadlineMs;
  }

  async getResult(project: string, authId: string): Promise<FaceAuthRecord> {
    await this.bucket.take();
    return this.argos.get(project).getResult(authId);
  }
}

/** Argos does not know the authentication id (a forged or mistaken webhook, or a record not there yet). */
export function isUnknownToArgos(error: unknown): boolean {
  return error instanceof ArgosClientError && error.code === ArgosErrorCode.NOT_FOUND;
}
