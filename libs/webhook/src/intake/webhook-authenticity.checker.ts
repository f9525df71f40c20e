import { Injectable } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { FaceAuthUrlService } from '@faceauth/encryption';
import { WebhookError, WebhookErrorCode } from '../webhook.error';
import { InjectWebhookOptions, ResolvedWebhookOptions } from '../webhook.options';
import { SourceAllowlist } from './source-allowlist';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * The checks Argos leaves to us (it documents no signature): a shared secret in the URL, the source
 * address, and decryption of "secure data transmission" bodies with a project key.
 */
@Injectable()
export class WebhookAuthenticityChecker {
  private readonly secretDigests: Buffer[];
  private readonly sources: SourceAllowlist;

  constructor(
    @InjectWebhookOptions() private readonly options: ResolvedWebhookOptions,
    private readonly urls: FaceAuthUrlService,
  ) {
    this.secretDigests = options.secrets.map(digest);
    this.sources = new SourceAllowlist(options.allowedSources);
  }

  /** Compares digests in constant time, against every accepted secret (rotation). */
  checkSecret(presented: string | undefined): void {
    if (this.secretDigests.length === 0) return;
    const candidate = digest(presented ?? '');
    let match = false;
    for (const known of this.secretDigests) match = timingSafeEqual(known, candidate) || match;
    if (!presented || !match)
      throw new WebhookError(WebhookErrorCode.BAD_SECRET, 'Missing or wrong webhook secret');
  }

  checkSource(ip: string | undefined): void {
    if (!this.sources.allows(ip)) {
      throw new WebhookError(
        WebhookErrorCode.SOURCE_NOT_ALLOWED,
        'This source address may not call the webhook',
      );
    }
  }

  /** The plaintext payload: a secure-transmission body is decrypted with the first project key that fits. */
  unwrap(body: unknown): unknown {
    const wrapped = isWrapped(body);
    if (!wrapped) {
      if (this.options.secureTransmission === 'required') {
        throw new WebhookError(
          WebhookErrorCode.UNDECRYPTABLE_PAYLOAD,
          'Webhook bodies must be encrypted (secure data transmission)',
        );
      }
      return body;
    }
    if (this.options.secureTransmission === 'off') return body;
    for (const project of this.urls.projectNames()) {
      try {
        const parsed: unknown = JSON.parse(this.urls.forProject(project).cipher.decrypt(wrapped));
        if (typeof parsed === 'object' && parsed !== null) return parsed;
      } catch {
        // not this project's key: try the next
      }
    }
    throw new WebhookError(
      WebhookErrorCode.UNDECRYPTABLE_PAYLOAD,
      'The encrypted webhook body matches no configured project key',
    );
  }
}

function isWrapped(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const keys = Object.keys(body);
  const data = (body as { data?: unknown }).data;
  return keys.length === 1 && typeof data === 'string' ? data : null;
}
