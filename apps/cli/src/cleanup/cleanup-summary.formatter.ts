import { CleanupRunSummary } from '@faceauth/retention';

/** The one-line summary `faceauth cleanup` prints; `overdue` is the figure that must be 0 after a real run. */
export function formatCleanupSummary(summary: CleanupRunSummary): string {
  const n = summary.counts;
  const run = summary.runId ? ` (run ${summary.runId})` : '';
  const overdue = `${summary.overdue ?? 'unknown'} overdue`;
  if (summary.dryRun) {
    return (
      `cleanup dry run${run}: ${n.due} results due, ${n.held} held by legal hold; ` +
      `${n.tokensDeleted} links and ${n.inboxDeleted} inbox rows past retention; ${overdue}; nothing changed`
    );
  }
  return (
    `cleanup ${summary.outcome}${run}: ${n.argosDeleted} deleted at Argos, ${n.alreadyGone} already gone, ` +
    `${n.purged} purged, ${n.retrying} retrying, ${n.failed} failed, ${n.held} held; ` +
    `${n.tokensDeleted} links and ${n.inboxDeleted} inbox rows removed; ${overdue}`
  );
}
