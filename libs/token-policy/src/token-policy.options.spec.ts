import { ModuleOptionsError } from '@faceauth/core';
import { TokenPolicyModuleOptions, resolveTokenPolicyOptions } from './token-policy.options';

const projects = [
  { name: 'kr', tokenExpiration: { mode: 'off' as const } },
  { name: 'eu', tokenExpiration: { mode: 'time' as const, windowSeconds: 600 } },
];

describe('TokenPolicyModule options', () => {
  it('defaults to the first project and to 7 / 90 days', () => {
    const resolved = resolveTokenPolicyOptions({ projects });
    expect(resolved.defaultProject).toBe('kr');
    expect(resolved.projects.get('eu')).toEqual(projects[1]);
    expect([resolved.unusedLinkTtlSeconds, resolved.maxUnusedLinkTtlSeconds]).toEqual([
      7 * 86400,
      90 * 86400,
    ]);
  });

  it.each<[TokenPolicyModuleOptions, string, string]>([
    [{ projects: [] }, 'projects', 'must list at least one project'],
    [{ projects: [projects[0], projects[0]] }, 'projects', 'has duplicate names'],
    [{ projects, defaultProject: 'us-secret' }, 'defaultProject', 'is not a configured project'],
    [
      { projects: [{ name: 'kr', tokenExpiration: { mode: 'never' } as never }] },
      'projects[0].tokenExpiration',
      'must be',
    ],
    [
      { projects, unusedLinkTtlSeconds: 100, maxUnusedLinkTtlSeconds: 99 },
      'maxUnusedLinkTtlSeconds',
      'must be ≥',
    ],
  ])('refuses %j naming the option without quoting its value', (options, option, rule) => {
    const error = (() => {
      try {
        resolveTokenPolicyOptions(options);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ModuleOptionsError);
    expect((error as Error).message).toContain(`TokenPolicyModule option ${option} ${rule}`);
    expect((error as Error).message).not.toContain('us-secret');
  });
});
