import { Inject } from '@nestjs/common';
import { ArgosTokenExpiration } from './policy/link-policy';

export interface TokenPolicyProject {
  name: string;
  tokenExpiration: ArgosTokenExpiration;
}

/** Options of the token-policy module. */
export interface TokenPolicyModuleOptions {
  /** The FaceAuth projects and their Argos-side token expiration setting. */
  projects: TokenPolicyProject[];
  /** Project used when a request names none (default: the first). */
  defaultProject?: string;
  /** How long a never-used link stays valid by default, in seconds (default 7 days). */
  unusedLinkTtlSeconds?: number;
  /** Upper bound a caller may ask for, in seconds (default 90 days). */
  maxUnusedLinkTtlSeconds?: number;
}

export interface ResolvedTokenPolicyOptions {
  projects: ReadonlyMap<string, TokenPolicyProject>;
  defaultProject: string;
  unusedLinkTtlSeconds: number;
  maxUnusedLinkTtlSeconds: number;
}

export const TOKEN_POLICY_OPTIONS = Symbol('faceauth:token-policy-options');
export const InjectTokenPolicyOptions = (): ParameterDecorator => Inject(TOKEN_POLICY_OPTIONS);

/** Validates once at module init; each message names the option at fault. */
export function resolveTokenPolicyOptions(options: TokenPolicyModuleOptions): ResolvedTokenPolicyOptions {
  if (!options.projects?.length)
    throw new Error('TokenPolicyModule option projects must list at least one project');
  const projects = new Map(options.projects.map((p) => [p.name, p]));
  if (projects.size !== options.projects.length)
    throw new Error('TokenPolicyModule option projects has duplicate names');
  const defaultProject = options.defaultProject ?? options.projects[0].name;
  if (!projects.has(defaultProject)) {
    throw new Error(
      `TokenPolicyModule option defaultProject "${defaultProject}" is not a configured project`,
    );
  }
  const unusedLinkTtlSeconds = options.unusedLinkTtlSeconds ?? 7 * 24 * 3600;
  const maxUnusedLinkTtlSeconds = options.maxUnusedLinkTtlSeconds ?? 90 * 24 * 3600;
  if (!(Number.isInteger(unusedLinkTtlSeconds) && unusedLinkTtlSeconds > 0)) {
    throw new Error('TokenPolicyModule option unusedLinkTtlSeconds must be a whole number of seconds > 0');
  }
  if (!(Number.isInteger(maxUnusedLinkTtlSeconds) && maxUnusedLinkTtlSeconds >= unusedLinkTtlSeconds)) {
    throw new Error('TokenPolicyModule option maxUnusedLinkTtlSeconds must be ≥ unusedLinkTtlSeconds');
  }
  return { projects, defaultProject, unusedLinkTtlSeconds, maxUnusedLinkTtlSeconds };
}
