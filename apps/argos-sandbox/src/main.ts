import {
  createSandboxApp,
  loadSandboxConfigFromEnv,
  SandboxConfigError,
  SEEDED_SUBMISSIONS,
} from '@faceauth/argos-sandbox';

/**
 * Standalone Argos sandbox. Environment: SANDBOX_PORT (4010), SANDBOX_HOST (127.0.0.1),
 * SANDBOX_CONFIG (JSON file), and first-project overrides SANDBOX_PID, SANDBOX_API_KEY,
 * SANDBOX_SECRET_KEY, SANDBOX_CIPHER, SANDBOX_WEBHOOK_URL, SANDBOX_WEBHOOK_VERSION,
 * SANDBOX_SECURE_TRANSMISSION, SANDBOX_TOKEN_EXPIRATION, SANDBOX_IMAGE_RESPONSE,
 * SANDBOX_EXTRA_RECORD_FIELDS, SANDBOX_WEBHOOK_ORDER, SANDBOX_CLOCK_START.
 */
async function main(): Promise<void> {
  const sandbox = await createSandboxApp(loadSandboxConfigFromEnv(process.env));
  const project = sandbox.controls.projects.list()[0];
  const lines = [
    `Argos sandbox listening on ${sandbox.url} (pid ${process.pid})`,
    `  REST API      ${sandbox.url}/v3/faceauth   header x-api-key: ${project.apiKey}`,
    `  Hosted page   ${sandbox.url}/face-auth?pid=${project.pid}&encrypted=...`,
    `  Project       pid=${project.pid} cipher=${project.cipher} webhook=${project.webhookUrl ?? '(none)'} (${project.webhookVersion})`,
    `  Control API   ${sandbox.url}/__sandbox/ (no key, loopback only)`,
    `  Demo link     curl -s -XPOST ${sandbox.url}/__sandbox/links -H 'content-type: application/json' -d '{"sid":"${SEEDED_SUBMISSIONS.approved}"}'`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = (): void => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const message =
    error instanceof SandboxConfigError ? error.message : ((error as Error)?.stack ?? String(error));
  process.stderr.write(`argos-sandbox failed to start: ${message}\n`);
  process.exit(1);
});
