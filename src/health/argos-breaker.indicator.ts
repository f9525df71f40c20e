import { Injectable } from '@nestjs/common';
import { ArgosClientRegistry, CircuitState, InjectArgosClientRegistry } from '@faceauth/argos-client';
import { FaceAuthHealthResult, healthResult } from './health-indicator-result';

export interface ArgosBreakerHealthDetails {
  /** Each configured project's circuit breaker, by project name (never its key). */
  projects: Record<string, CircuitState>;
}

/**
 * The Argos circuit breaker of each configured project, read in memory (no call to Argos). Down while any
 * breaker is open (that project's calls fail fast); half-open is up: its next call is the trial.
 */
@Injectable()
export class ArgosBreakerIndicator {
  constructor(@InjectArgosClientRegistry() private readonly registry: ArgosClientRegistry) {}

  isHealthy<const Key extends string>(
    key: Key,
  ): Promise<FaceAuthHealthResult<Key, ArgosBreakerHealthDetails>> {
    const projects: Record<string, CircuitState> = {};
    for (const name of this.registry.projectNames()) projects[name] = this.registry.get(name).circuitState();
    const up = !Object.values(projects).includes('open');
    return Promise.resolve(healthResult(key, up, { projects }));
  }
}
