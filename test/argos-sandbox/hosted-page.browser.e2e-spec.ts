import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, BrowserContext } from 'playwright-core';
import { deriveKey, FaceAuthUrlBuilder } from '@faceauth/encryption';
import { createSandboxApp, makeJpeg, SandboxHandle, SEEDED_SUBMISSIONS } from '@faceauth/argos-sandbox';
import { DOCUMENTED_RECORD_KEYS, GroupBody, readJson, RecordBody } from './sandbox-test.helpers';

// A real headless Chromium (Debian's package, not a downloaded one) drives the hosted page.
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const PID = 'browser-project';
const API_KEY = 'browser-api-key';

describe('argos-sandbox hosted page in headless Chromium', () => {
  let sandbox: SandboxHandle;
  let context: BrowserContext;
  let profileDir: string;
  let links: FaceAuthUrlBuilder;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      // Fail, never skip: CI runs scripts/ensure-chromium.sh before the tests.
      throw new Error(
        `${CHROMIUM} is missing: run scripts/ensure-chromium.sh (installs Debian's chromium) first.`,
      );
    }
    sandbox = await createSandboxApp({
      projects: [{ pid: PID, apiKey: API_KEY, tokenExpiration: { mode: 'count' } }],
    });
    links = new FaceAuthUrlBuilder({
      formUrl: `${sandbox.url}/face-auth`,
      pid: PID,
      key: deriveKey(API_KEY),
    });
    profileDir = mkdtempSync(join(tmpdir(), 'sandbox-chromium-'));
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 30_000,
    });
  });
  afterAll(async () => {
    await context?.close();
    await sandbox?.close();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  });

  async function record(authId: string): Promise<RecordBody> {
    const res = await fetch(`${sandbox.url}/v3/faceauth?authId=${authId}`, {
      headers: { 'x-api-key': API_KEY },
    });
    return (await readJson<GroupBody[]>(res))[0].data[0];
  }

  it('"use the reference photo" leads to an approved result page, stored as a form attempt', async () => {
    const page = await context.newPage();
    await page.goto(
      links.build({ sid: SEEDED_SUBMISSIONS.approved, authUserId: 'browser-user', token: 'tok_browser_01' }),
    );
    await page.locator('main[data-page="capture"]').waitFor();
    await page.getByRole('button', { name: 'Use the reference photo' }).click();
    const result = page.locator('main[data-page="result"]');
    await result.waitFor();
    expect(await result.getAttribute('data-auth-status')).toBe('approved');
    expect(await page.locator('h1').textContent()).toBe('Authentication approved');
    const authId = (await result.getAttribute('data-auth-id'))!;
    const listed = await record(authId);
    expect(listed.submit_type).toBe('form');
    expect(Object.keys(listed).sort()).toEqual(DOCUMENTED_RECORD_KEYS);
    expect(sandbox.controls.records.find(PID, authId)).toMatchObject({
      userId: 'browser-user',
      tokenId: 'tok_browser_01',
    });

    // Count-based token: going back to the link now shows the expired error page.
    await page.goto(links.build({ sid: SEEDED_SUBMISSIONS.approved, token: 'tok_browser_01' }));
    expect(await page.locator('main').getAttribute('data-error-code')).toBe('TOKEN_EXPIRED');
    await page.close();
  });

  it('uploading a file: the reference bytes are approved, another photo is rejected', async () => {
    const reference = sandbox.controls.submissions.find(SEEDED_SUBMISSIONS.approvedPng)!.selfie!;
    const page = await context.newPage();
    const cases = [
      { buffer: reference, mimeType: 'image/png', status: 'approved' },
      { buffer: makeJpeg('browser stranger', 30), mimeType: 'image/jpeg', status: 'rejected' },
    ];
    for (const c of cases) {
      await page.goto(links.build({ sid: SEEDED_SUBMISSIONS.approvedPng }, { lang: 'en' }));
      await page.setInputFiles('#face-image', { name: 'selfie', mimeType: c.mimeType, buffer: c.buffer });
      await page.click('#submit-selfie');
      const result = page.locator('main[data-page="result"]');
      await result.waitFor();
      expect(await result.getAttribute('data-auth-status')).toBe(c.status);
    }
    expect(await page.locator('[data-fail-code]').getAttribute('data-fail-code')).toBe(
      'face_compare_underscore',
    );
    await page.close();
  });
});
