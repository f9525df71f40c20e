/** What `faceauth --help` says about a command that runs on the service (nest-commander builds it). */
export interface ServiceCommandSummary {
  readonly name: string;
  readonly description: string;
  /** Whether the command itself takes flags: help lists it as `name [options]`. */
  readonly hasOptions: boolean;
}

/**
 * The commands that open the service context, in `--help` order. Their `@Command` decorators take name
 * and description from here, so the offline path can list them without loading Nest.
 */
export const SERVICE_COMMANDS = {
  keys: {
    name: 'keys',
    description: 'Internal API keys with scopes: create (secret shown once), list, revoke',
    hasOptions: false,
  },
  links: {
    name: 'links',
    description: 'FaceAuth links: create (prints the link, or only its URL), list (with filters), revoke',
    hasOptions: false,
  },
  results: {
    name: 'results',
    description:
      'Stored FaceAuth results: list (with filters), get (optionally refreshed from Argos), delete (at Argos and here)',
    hasOptions: false,
  },
  reconcile: {
    name: 'reconcile',
    description:
      'List Argos results since a date, enqueue those the webhooks missed, and process the inbox; prints a summary',
    hasOptions: true,
  },
  webhooks: {
    name: 'webhooks',
    description: 'The webhook inbox: replay a row (e.g. a dead one, once its cause is fixed)',
    hasOptions: false,
  },
  endpoints: {
    name: 'endpoints',
    description:
      'Outbound webhook endpoints (signed): add and rotate (the secret shown once), list, remove, enable, disable',
    hasOptions: false,
  },
  deliveries: {
    name: 'deliveries',
    description:
      "Outbound webhook deliveries: list an endpoint's, replay one (re-queued: the running service sends it)",
    hasOptions: false,
  },
  cleanup: {
    name: 'cleanup',
    description:
      'Enforce the retention schedule now (delete due results at Argos and purge them here, then old links and inbox rows); prints a summary',
    hasOptions: true,
  },
} as const satisfies Record<string, ServiceCommandSummary>;

export const SERVICE_COMMAND_NAMES: ReadonlySet<string> = new Set(
  Object.values(SERVICE_COMMANDS).map((command) => command.name),
);
