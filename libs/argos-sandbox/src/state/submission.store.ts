import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { SandboxConfig } from '../config/sandbox-config.type';
import { InjectSandboxConfig } from '../core/sandbox.tokens';
import { seedSubmissions } from './submission.seed';
import type { Submission } from './submission.type';

/** The parent ID Check project's submissions (in memory). */
@Injectable()
export class SubmissionStore {
  private byId = new Map<string, Submission>();

  constructor(@InjectSandboxConfig() private readonly config: SandboxConfig) {
    this.reset();
  }

  find(id: string): Submission | undefined {
    return this.byId.get(id);
  }

  list(): Submission[] {
    return [...this.byId.values()];
  }

  /** Adds (or replaces, when the id exists) a submission; generates an id when none is given. */
  add(input: Omit<Submission, 'id'> & { id?: string }): Submission {
    const submission: Submission = { ...input, id: input.id ?? `sub_${randomBytes(8).toString('hex')}` };
    this.byId.set(submission.id, submission);
    return submission;
  }

  reset(): void {
    const seeds = this.config.seedSubmissions ? seedSubmissions() : [];
    this.byId = new Map(seeds.map((s) => [s.id, s]));
  }
}
