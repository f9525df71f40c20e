import { Injectable } from '@nestjs/common';
import { deriveKey, FaceAuthUrlBuilder } from '@faceauth/encryption';
import { SandboxConfigError } from '../config/sandbox-config.error';
import { mergeProject } from '../config/sandbox-config.resolver';
import type { ProjectConfig, ProjectConfigPatch, SandboxConfig } from '../config/sandbox-config.type';
import { InjectSandboxConfig } from '../core/sandbox.tokens';
import { defaultProject } from '../config/sandbox-config.defaults';

/**
 * A project plus its codec (derived key, cipher, plaintext format), built once per change rather
 * than per request. The codec's `cipher` also encrypts secure-transmission webhook bodies.
 */
export interface SandboxProject extends ProjectConfig {
  readonly codec: FaceAuthUrlBuilder;
}

/** The FaceAuth projects, looked up by `pid` (hosted page) or Add-on API key (REST API). */
@Injectable()
export class ProjectRegistry {
  private byPid = new Map<string, SandboxProject>();

  constructor(@InjectSandboxConfig() private readonly config: SandboxConfig) {
    this.reset();
  }

  list(): SandboxProject[] {
    return [...this.byPid.values()];
  }

  findByPid(pid: string): SandboxProject | undefined {
    return this.byPid.get(pid);
  }

  findByApiKey(apiKey: string): SandboxProject | undefined {
    return this.list().find((p) => p.apiKey === apiKey);
  }

  /** Creates or patches a project at run time; throws `SandboxConfigError` on a bad value. */
  upsert(pid: string, patch: ProjectConfigPatch): SandboxProject {
    const current = this.byPid.get(pid) ?? defaultProject(pid, patch.apiKey ?? '');
    const merged = mergeProject(current, { ...patch, pid }, `projects["${pid}"]`);
    const clash = this.list().find((p) => p.pid !== pid && p.apiKey === merged.apiKey);
    if (clash) {
      throw new SandboxConfigError(
        `Sandbox setting "projects[${pid}].apiKey" is already used by project "${clash.pid}".`,
      );
    }
    const project = withKey(merged);
    this.byPid.set(pid, project);
    return project;
  }

  reset(): void {
    this.byPid = new Map(this.config.projects.map((p) => [p.pid, withKey(p)]));
  }
}

function withKey(project: ProjectConfig): SandboxProject {
  const codec = new FaceAuthUrlBuilder({
    pid: project.pid,
    key: deriveKey(project.secretKey ?? project.apiKey),
    cipher: project.cipher === 'gcm' ? 'aes-256-gcm' : 'aes-256-ecb',
    format: project.plaintextFormat,
    gcmLayout: project.gcmLayout,
  });
  return { ...project, codec };
}
