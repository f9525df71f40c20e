import { INestApplicationContext } from '@nestjs/common';
import { WebhookInboxRepository, WebhookProcessor } from '@faceauth/webhook';
import { ProgressLine } from '../io/progress.line';

const POLL_MS = 250;

/** Rows still to settle: waiting (due or backing off) and claimed. */
async function outstanding(inbox: WebhookInboxRepository): Promise<number> {
  const counts = await inbox.countByStatus();
  return (counts.pending ?? 0) + (counts.processing ?? 0);
}

/**
 * Processes every due inbox row now (the CLI runs with the processor's timer off) and returns how many
 * were settled. The processor reports nothing while it drains, so on a terminal the bar is fed by
 * counting the outstanding rows a few times a second; in a pipe nothing is counted or drawn.
 */
export async function drainInbox(app: INestApplicationContext): Promise<number> {
  const processor = app.get(WebhookProcessor);
  const inbox = app.get(WebhookInboxRepository);
  const progress = new ProgressLine('processing inbox');
  if (!progress.enabled) return processor.drain();
  const total = await outstanding(inbox);
  progress.update(0, total);
  let polling: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    polling = outstanding(inbox).then(
      (left) => progress.update(total - left, total),
      () => undefined, // a missed redraw is harmless; the drain's own errors surface below
    );
  }, POLL_MS);
  try {
    return await processor.drain();
  } finally {
    clearInterval(timer);
    await polling; // never close the context under an in-flight count
    progress.finish();
  }
}
