import { deriveKey, FaceAuthUrlBuilder } from '@faceauth/encryption';
import {
  createSandboxApp,
  ProjectConfigPatch,
  SandboxHandle,
  SEEDED_SUBMISSIONS,
  WebhookDelivery,
} from '@faceauth/argos-sandbox';
import {
  captureForm,
  pageAttr,
  readJson,
  startWebhookReceiver,
  WebhookReceiver,
} from './sandbox-test.helpers';

// Token expiration conditions (contract section 3) with the controllable clock and a real webhook receiver.
const PID = 'token-project';
const API_KEY = 'token-api-key';
const START = new Date('2026-05-01T00:00:00Z');

describe('argos-sandbox token expiration', () => {
  let sandbox: SandboxHandle;
  let receiver: WebhookReceiver;
  let links: FaceAuthUrlBuilder;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    sandbox = await createSandboxApp({ projects: [{ pid: PID, apiKey: API_KEY }] });
    links = new FaceAuthUrlBuilder({
      formUrl: `${sandbox.url}/face-auth`,
      pid: PID,
      key: deriveKey(API_KEY),
    });
  });
  afterAll(async () => {
    await sandbox.close();
    await receiver.close();
  });
  beforeEach(() => {
    sandbox.controls.reset();
    receiver.reset();
    sandbox.controls.clock.set(START);
  });

  const useProject = (tokenExpiration: ProjectConfigPatch['tokenExpiration']): void => {
    sandbox.controls.projects.upsert(PID, { tokenExpiration, webhookUrl: receiver.url });
  };

  /** Opens the link and submits the reference photo; returns both statuses and the result page. */
  async function use(url: string): Promise<{ open: number; submit?: number; html: string }> {
    const page = await fetch(url);
    const html = await page.text();
    if (page.status !== 200) return { open: page.status, html };
    const { action, encrypted } = captureForm(html);
    const form = new FormData();
    form.append('encrypted', encrypted);
    form.append('action', 'reference');
    const res = await fetch(new URL(action, sandbox.url), { method: 'POST', body: form });
    return { open: 200, submit: res.status, html: await res.text() };
  }

  const tokenNotices = (): Array<Record<string, unknown>> =>
    receiver.received
      .map((r) => r.json as Record<string, unknown>)
      .filter((j) => j.webhook_trigger === 'token_expired');

  it('count: the first use succeeds, the second is refused and token_expired arrives with expired_at', async () => {
    useProject({ mode: 'count' });
    const url = links.build({ sid: SEEDED_SUBMISSIONS.approved, token: 'tok_count_0001' });
    const first = await use(url);
    expect(first).toMatchObject({ open: 200, submit: 200 });
    expect(pageAttr(first.html, 'auth-status')).toBe('approved');

    const again = await use(url);
    expect(again.open).toBe(410);
    expect(pageAttr(again.html, 'error-code')).toBe('TOKEN_EXPIRED');

    await receiver.waitFor(2);
    const [notice] = tokenNotices();
    expect(notice).toEqual({
      webhook_trigger: 'token_expired',
      token_id: 'tok_count_0001',
      expired_condition: 'count',
      expired_at: expect.any(String),
      service: 'faceAuth',
    });
    expect(Math.abs(Date.parse(notice.expired_at as string) - START.getTime())).toBeLessThan(5000);
    // Another token, and a URL without a token, are not affected.
    expect(
      (await use(links.build({ sid: SEEDED_SUBMISSIONS.approved, token: 'tok_count_0002' }))).submit,
    ).toBe(200);
    expect((await use(links.build({ sid: SEEDED_SUBMISSIONS.approved }))).submit).toBe(200);
    expect((await use(links.build({ sid: SEEDED_SUBMISSIONS.approved }))).submit).toBe(200);
  });

  it('count: a stale capture form cannot be submitted twice', async () => {
    useProject({ mode: 'count' });
    const page = await (
      await fetch(links.build({ sid: SEEDED_SUBMISSIONS.approved, token: 'tok_stale_0001' }))
    ).text();
    const { action, encrypted } = captureForm(page);
    const post = (): Promise<Response> => {
      const form = new FormData();
      form.append('encrypted', encrypted);
      form.append('action', 'reference');
      return fetch(new URL(action, sandbox.url), { method: 'POST', body: form });
    };
    const [a, b] = await Promise.all([post(), post()]);
    expect([a.status, b.status].sort()).toEqual([200, 410]);
    await sandbox.controls.webhooks.whenIdle();
    expect(tokenNotices()).toHaveLength(1);
  });

  it('time: usable during the window after FIRST use, refused after it; notice sent at first use', async () => {
    useProject({ mode: 'time', windowSeconds: 3600 });
    const url = links.build({ sid: SEEDED_SUBMISSIONS.approved, token: 'tok_time_00001' });
    const first = await use(url);
    expect(first.submit).toBe(200);
    const firstUse = Date.parse(
      sandbox.controls.records.find(PID, pageAttr(first.html, 'auth-id')!)!.createdAt.toISOString(),
    );

    sandbox.controls.clock.advance(3590);
    expect((await use(url)).submit).toBe(200); // a second use inside the window is fine

    sandbox.controls.clock.advance(20);
    const late = await use(url);
    expect(late.open).toBe(410);
    expect(pageAttr(late.html, 'error-code')).toBe('TOKEN_EXPIRED');

    await sandbox.controls.webhooks.whenIdle();
    const notices = tokenNotices();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toEqual({
      webhook_trigger: 'token_expired',
      token_id: 'tok_time_00001',
      expired_condition: 'time',
      expected_expired_at: expect.any(String),
      service: 'faceAuth',
    });
    expect(
      Math.abs(Date.parse(notices[0].expected_expired_at as string) - (firstUse + 3600_000)),
    ).toBeLessThan(100);
  });

  it('time with notifyAt=elapsed: the notice goes out when the sandbox clock passes the window', async () => {
    useProject({ mode: 'time', windowSeconds: 60, notifyAt: 'elapsed' });
    const url = links.build({ sid: SEEDED_SUBMISSIONS.approved, token: 'tok_elapsed_01' });
    expect((await use(url)).submit).toBe(200);
    sandbox.controls.clock.advance(30);
    await sandbox.controls.webhooks.whenIdle();
    expect(tokenNotices()).toHaveLength(0);

    // Control-API clock jump, as an out-of-process test would do it.
    const jump = await fetch(`${sandbox.url}/__sandbox/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceSeconds: 31 }),
    });
    expect(jump.status).toBe(200);
    await sandbox.controls.webhooks.whenIdle();
    expect(tokenNotices()).toEqual([
      {
        webhook_trigger: 'token_expired',
        token_id: 'tok_elapsed_01',
        expired_condition: 'time',
        expected_expired_at: expect.any(String),
        service: 'faceAuth',
      },
    ]);
    expect((await use(url)).open).toBe(410);
  });

  describe('order of token_expired and faceAuth for one attempt', () => {
    /** The triggers in the order the receiver got them. */
    const arrived = (): unknown[] =>
      receiver.received.map((r) => (r.json as Record<string, unknown>).webhook_trigger);

    /** The events in the order the sandbox sent them, as the control API lists the deliveries. */
    async function sentEvents(): Promise<Array<WebhookDelivery['event']>> {
      const list = await readJson<WebhookDelivery[]>(fetch(`${sandbox.url}/__sandbox/webhooks?settle=true`));
      expect(list.every((d) => d.status === 'delivered')).toBe(true);
      return list.map((d) => d.event);
    }

    const setOrder = async (webhookOrder: string): Promise<void> => {
      const res = await fetch(`${sandbox.url}/__sandbox/projects/${PID}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ webhookOrder }),
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ webhookOrder });
    };

    it('sends token_expired first by default', async () => {
      useProject({ mode: 'count' });
      expect(
        (await use(links.build({ sid: SEEDED_SUBMISSIONS.approved, token: 'tok_order_0001' }))).submit,
      ).toBe(200);
      expect(await sentEvents()).toEqual(['token_expired', 'faceAuth']);
      await receiver.waitFor(2);
      expect(arrived()).toEqual(['token_expired', 'faceAuth']);
      expect(tokenNotices()).toEqual([
        expect.objectContaining({ token_id: 'tok_order_0001', service: 'faceAuth' }),
      ]);
    });

    it.each<[string, ProjectConfigPatch['tokenExpiration']]>([
      ['count', { mode: 'count' }],
      ['time (first-use notice)', { mode: 'time', windowSeconds: 60 }],
    ])(
      'sends faceAuth first once the control API flips webhookOrder (%s)',
      async (_name, tokenExpiration) => {
        useProject(tokenExpiration);
        await setOrder('faceauth-first');
        const url = links.build({ sid: SEEDED_SUBMISSIONS.approved, token: 'tok_order_0002' });
        expect((await use(url)).submit).toBe(200);
        expect(await sentEvents()).toEqual(['faceAuth', 'token_expired']);
        await receiver.waitFor(2);
        expect(arrived()).toEqual(['faceAuth', 'token_expired']);
        expect(tokenNotices()).toEqual([
          expect.objectContaining({ token_id: 'tok_order_0002', service: 'faceAuth' }),
        ]);

        await setOrder('token-expired-first');
        expect(
          (await use(links.build({ sid: SEEDED_SUBMISSIONS.approved, token: 'tok_order_0003' }))).submit,
        ).toBe(200);
        expect((await sentEvents()).slice(2)).toEqual(['token_expired', 'faceAuth']);
        expect(arrived().slice(2)).toEqual(['token_expired', 'faceAuth']);
      },
    );

    it('a failing first webhook holds the second back only until its first attempt ends', async () => {
      useProject({ mode: 'count' });
      await setOrder('faceauth-first');
      receiver.respondWith(500);
      expect(
        (await use(links.build({ sid: SEEDED_SUBMISSIONS.approved, token: 'tok_order_0004' }))).submit,
      ).toBe(200);
      expect(await sentEvents()).toEqual(['faceAuth', 'token_expired']);
      expect(arrived()).toEqual(['faceAuth', 'token_expired', 'faceAuth']);
      expect(receiver.received.map((r) => r.answered)).toEqual([500, 200, 200]);
    });

    it('the second webhook leaves only once the first one was answered', async () => {
      useProject({ mode: 'count' });
      receiver.answerNextAfter(300);
      expect(
        (await use(links.build({ sid: SEEDED_SUBMISSIONS.approved, token: 'tok_order_0005' }))).submit,
      ).toBe(200);
      const [first, second] = await receiver.waitFor(2);
      expect(arrived()).toEqual(['token_expired', 'faceAuth']);
      expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(250);
    });

    it('refuses an unknown order with a message naming the setting', async () => {
      const res = await fetch(`${sandbox.url}/__sandbox/projects/${PID}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ webhookOrder: 'random' }),
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toContain('webhookOrder');
    });
  });

  it('off: a token may be reused forever and no notice is sent', async () => {
    useProject({ mode: 'off' });
    const url = links.build({ sid: SEEDED_SUBMISSIONS.approved, token: 'tok_off_000001' });
    for (let i = 0; i < 3; i++) expect((await use(url)).submit).toBe(200);
    await sandbox.controls.webhooks.whenIdle();
    expect(tokenNotices()).toHaveLength(0);
  });
});
