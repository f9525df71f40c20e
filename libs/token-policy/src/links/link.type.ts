import { LinkPolicy, TokenStatus } from '../policy/link-policy';
import type { LinkOutcome } from '../outcome/link-outcome.type';
import { LinkMetadata } from './link-context';

/** What a caller asks for when minting a link. */
export interface MintLinkInput {
  project?: string;
  sid: string;
  authUserId?: string;
  authCf1?: string;
  authCf2?: string;
  authCf3?: string;
  lang?: string;
  /**
   * A token id of the caller's choosing (the vendor's alphabet: 8-64 of `A-Za-z0-9._-`, alphanumeric at
   * both ends); unique (TOKEN_TAKEN otherwise). Default: 128 random bits.
   */
  token?: string;
  /** False: the URL carries no token (only for a project whose Argos token expiration is off). */
  tokenInUrl?: boolean;
  policy?: LinkPolicy;
  /** When a use is recorded: when a FaceAuth result arrives (default), or already when the short link is opened. */
  consumeOn?: 'result' | 'open';
  /** Validity of the never-used link, in seconds (default from the module options). */
  expiresInSeconds?: number;
  /** The company's own reference (1-256 characters), filterable; see `LINK_CONTEXT_LIMITS`. */
  clientReference?: string;
  /** The company's own context: at most 20 keys of `METADATA_KEY_PATTERN`, string values of ≤ 500 characters. */
  metadata?: LinkMetadata;
}

/** A link as the API shows it; `url` is the encrypted Face Auth URL, rebuilt on every read. */
export interface LinkView {
  id: string;
  project: string;
  token: string;
  tokenInUrl: boolean;
  url: string;
  /** The short link to send the person (`/l/<id>`: checks the policy, then redirects to `url`); null when the module has no public base URL. */
  shortUrl: string | null;
  status: TokenStatus;
  policy: LinkPolicy;
  consumeOn: 'result' | 'open';
  useCount: number;
  sid: string;
  authUserId: string | null;
  lang: string | null;
  createdAt: Date;
  expiresAt: Date;
  firstUsedAt: Date | null;
  windowEndsAt: Date | null;
  revokedAt: Date | null;
  clientReference: string | null;
  /** `{}` when the link has none. */
  metadata: LinkMetadata;
  /** The verdict the company acts on (see outcome/link-outcome.ts). */
  outcome: LinkOutcome;
}

export interface LinkPage {
  items: LinkView[];
  nextCursor: string | null;
}

/** Who asks, for idempotency scoping (one caller's key never collides with another's). */
export interface MintContext {
  idempotencyKey?: string;
  callerName?: string;
}
