import type { SandboxProject } from '../state/project.registry';
import { referenceImage, Submission } from '../state/submission.type';

/** A project as the control API shows it: every setting, but not the derived key material. */
export function describeProject(project: SandboxProject): Record<string, unknown> {
  const { codec: _codec, ...settings } = project;
  return settings;
}

/** A submission without its image bytes (fetch them from `/reference-image`). */
export function describeSubmission(s: Submission): Record<string, unknown> {
  const { selfie, portrait, ...rest } = s;
  return {
    ...rest,
    hasSelfie: selfie !== undefined,
    hasPortrait: portrait !== undefined,
    referenceBytes: referenceImage(s)?.length ?? 0,
  };
}
