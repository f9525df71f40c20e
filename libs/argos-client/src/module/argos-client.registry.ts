import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { ArgosClient } from '../client/argos-client';
import { createArgosClient } from '../client/argos-client.factory';
import { ResolvedArgosClientOptions } from '../config/argos-client-options.interface';
import { unknownProjectError } from '../errors/argos-config.error';
import { ArgosTransport } from '../http/argos-transport.interface';
import { ARGOS_CLIENT_OPTIONS, ARGOS_TRANSPORT } from './argos-client.tokens';

/**
 * One {@link ArgosClient} per configured FaceAuth project (each with its own key and breaker), all
 * sharing the module's transport. Closes the transport's sockets on module shutdown.
 */
@Injectable()
export class ArgosClientRegistry implements OnModuleDestroy {
  /** Project used when `get()` is called without a name. */
  readonly defaultProjectName: string;
  /** The longest one call may take, its attempts and backoffs included (`timeouts.deadlineMs`). */
  readonly callDeadlineMs: number;
  private readonly clients: ReadonlyMap<string, ArgosClient>;

  constructor(
    @Inject(ARGOS_CLIENT_OPTIONS) options: ResolvedArgosClientOptions,
    @Inject(ARGOS_TRANSPORT) private readonly transport: ArgosTransport,
  ) {
    this.defaultProjectName = options.defaultProject;
    this.callDeadlineMs = options.timeouts.deadlineMs;
    this.clients = new Map(
      options.projects.map((p) => [p.name, createArgosClient(options, p.name, transport)]),
    );
  }

  /**
   * The client of `project`, or of the default project when omitted.
   * @throws ArgosConfigError `ARGOS_UNKNOWN_PROJECT` for a name that is not configured
   */
  get(project: string = this.defaultProjectName): ArgosClient {
    const client = this.clients.get(project);
    if (client === undefined) throw unknownProjectError(project, this.projectNames());
    return client;
  }

  /** Configured project names, in configuration order. */
  projectNames(): string[] {
    return [...this.clients.keys()];
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
