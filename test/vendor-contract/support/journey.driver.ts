import { setTimeout as sleep } from 'node:timers/promises';
import { WebhookProcessor } from '@faceauth/webhook';
import { ApiHarness } from '../../support/api-harness';

/** A JSON answer of the API. `body` is whatever the route sent. */
export interface Reply {
  status: number;
  body: any;
}

export interface MintedLink {
  id: string;
  token: string;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * Drives a running API the way an operator and Argos would: admin calls with an internal key, webhooks
 * posted to `POST /webhooks/argos` with the shared secret, then processed. The background processor is
 * off in these suites, so `settle` drains the inbox; `eventually` polls a probe until it holds.
 */
export class JourneyDriver {
  constructor(
    private readonly api: ApiHarness,
    private readonly adminKey: string,
    private readonly webhookSecret: string,
  ) {}

  async admin(method: Method, url: string, payload?: object): Promise<Reply> {
    const res = await this.api.app.inject({
      method,
      url,
      headers: { 'x-api-key': this.adminKey },
      ...(payload === undefined ? {} : { payload }),
    });
    return { status: res.statusCode, body: res.body === '' ? undefined : res.json() };
  }

  /** `POST /v1/links`; throws with the answer when the link is not created. */
  async mintLink(body: { sid: string; authUserId?: string; authCf1?: string }): Promise<MintedLink> {
    const reply = await this.admin('POST', '/v1/links', body);
    if (reply.status !== 201)
      throw new Error(`minting a link answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    return { id: reply.body.id, token: reply.body.token };
  }

  /** Posts one Argos webhook (acknowledged with 200, else throws) and processes the inbox. */
  async deliver(payload: object): Promise<void> {
    await this.post(payload);
    await this.settle();
  }

  /** Posts one Argos webhook, acknowledged with 200 (else throws), leaving it in the inbox. */
  async post(payload: object): Promise<void> {
    const res = await this.api.app.inject({
      method: 'POST',
      url: `/webhooks/argos?secret=${encodeURIComponent(this.webhookSecret)}`,
      payload,
    });
    if (res.statusCode !== 200) throw new Error(`the webhook answered ${res.statusCode}: ${res.body}`);
  }

  /** Processes every inbox row that is due now. */
  async settle(): Promise<number> {
    return this.api.app.get(WebhookProcessor).drain();
  }

  /** Polls `probe` (settling the inbox before each try) until `done` holds; returns the last value. */
  async eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean, attempts = 20): Promise<T> {
    let value = await probe();
    for (let attempt = 1; attempt < attempts && !done(value); attempt++) {
      await sleep(25);
      await this.settle();
      value = await probe();
    }
    return value;
  }

  /** `GET /v1/results/:authId` once the result is stored (or the last answer when it never is). */
  async result(authId: string, query = ''): Promise<Reply> {
    return this.eventually(
      () => this.admin('GET', `/v1/results/${encodeURIComponent(authId)}${query}`),
      (reply) => reply.status === 200,
    );
  }

  async link(id: string): Promise<Reply> {
    return this.admin('GET', `/v1/links/${id}`);
  }

  /** "Forget this user": `DELETE /v1/users/:authUserId/biometrics`. */
  async forget(authUserId: string): Promise<Reply> {
    return this.admin('DELETE', `/v1/users/${encodeURIComponent(authUserId)}/biometrics`);
  }
}
