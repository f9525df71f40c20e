import { encryptionConfigErrors } from '../errors/encryption-config-error.messages';
import { FaceAuthQuery } from '../query/faceauth-query.interface';
import { DecryptedFaceAuthUrl, FaceAuthUrlBuilder } from '../url/faceauth-url.builder';
import { parseFaceAuthUrl } from '../url/faceauth-url.parser';
import { EncryptionModuleOptions } from './encryption-options.interface';
import { resolveEncryptionOptions } from './encryption-options.resolver';

/** A decrypted URL plus the name of the project whose key opened it. */
export interface ProjectDecryptedFaceAuthUrl extends DecryptedFaceAuthUrl {
  project: string;
}

/**
 * All configured FaceAuth projects, each with its builder and its key derived once at construction.
 * Plain class (no Nest): `FaceAuthUrlService` is its injectable face.
 */
export class FaceAuthProjectRegistry {
  readonly defaultProjectName: string;
  private readonly builders: ReadonlyMap<string, FaceAuthUrlBuilder>;

  constructor(options: EncryptionModuleOptions) {
    const resolved = resolveEncryptionOptions(options);
    this.defaultProjectName = resolved.defaultProjectName;
    this.builders = resolved.builders;
  }

  /** The builder of a project (the default one when no name is given); throws `UNKNOWN_PROJECT`. */
  forProject(name?: string): FaceAuthUrlBuilder {
    const projectName = name ?? this.defaultProjectName;
    const builder = this.builders.get(projectName);
    if (builder === undefined) throw encryptionConfigErrors.unknownProject(projectName);
    return builder;
  }

  /** Builds a Face Auth URL with a project's key (default project unless `project` is given). */
  build(q: FaceAuthQuery, opts?: { project?: string; lang?: string }): string {
    return this.forProject(opts?.project).build(q, { lang: opts?.lang });
  }

  /**
   * Decrypts a Face Auth URL or bare ciphertext. Key choice: `opts.project` if given, else the project
   * whose pid matches the URL's `pid`, else the default project.
   */
  decrypt(urlOrCiphertext: string, opts?: { project?: string }): ProjectDecryptedFaceAuthUrl {
    const parsed = parseFaceAuthUrl(urlOrCiphertext);
    const project = opts?.project ?? this.projectForPid(parsed.pid) ?? this.defaultProjectName;
    const query = this.forProject(project).decryptQuery(parsed.encrypted);
    const result: ProjectDecryptedFaceAuthUrl = { project, query };
    if (parsed.pid !== undefined) result.pid = parsed.pid;
    if (parsed.lang !== undefined) result.lang = parsed.lang;
    return result;
  }

  /** Name of the first configured project with this pid, if any. */
  projectForPid(pid: string | undefined): string | undefined {
    if (pid === undefined) return undefined;
    for (const [name, builder] of this.builders) if (builder.pid === pid) return name;
    return undefined;
  }

  projectNames(): string[] {
    return [...this.builders.keys()];
  }
}
