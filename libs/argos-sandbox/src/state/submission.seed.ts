import { makeFacePng, makeJpeg } from './sample-images';
import type { Submission } from './submission.type';

/** Ids of the seeded submissions, stable across restarts so docs and tests can name them. */
export const SEEDED_SUBMISSIONS = {
  approved: 'sub_approved_001',
  approvedSecond: 'sub_approved_002',
  approvedPng: 'sub_approved_003',
  portraitOnly: 'sub_portrait_only',
  pending: 'sub_pending_001',
  rejected: 'sub_rejected_001',
} as const;

/** The demo ID Check submissions (fresh Buffers each call, so a reset restores pristine bytes). */
export function seedSubmissions(): Submission[] {
  const s = SEEDED_SUBMISSIONS;
  return [
    {
      id: s.approved,
      status: 'approved',
      selfie: makeJpeg('sandbox selfie 001', 170),
      portrait: makeJpeg('sandbox portrait 001', 150),
      userid: 'demo-user-001',
      email: 'alice@example.com',
      cf1: 'gold',
    },
    {
      id: s.approvedSecond,
      status: 'approved',
      selfie: makeJpeg('sandbox selfie 002', 110),
      userid: 'demo-user-002',
      email: 'bob@example.com',
    },
    { id: s.approvedPng, status: 'approved', selfie: makeFacePng([232, 190, 160]), userid: 'demo-user-003' },
    {
      id: s.portraitOnly,
      status: 'approved',
      portrait: makeFacePng([180, 130, 100]),
      userid: 'demo-user-004',
      email: 'dana@example.com',
    },
    {
      id: s.pending,
      status: 'pending',
      selfie: makeJpeg('sandbox selfie pending', 90),
      userid: 'demo-user-005',
    },
    {
      id: s.rejected,
      status: 'rejected',
      selfie: makeJpeg('sandbox selfie rejected', 60),
      userid: 'demo-user-006',
    },
  ];
}
