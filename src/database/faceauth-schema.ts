import { InternalApiKeyEntity } from '@faceauth/admin-api';
import { NOTIFICATION_ENTITIES } from '@faceauth/notifications';
import { FaceAuthResultEntity } from '@faceauth/results';
import { CleanupAuditEntity, CleanupLockEntity, CleanupRunEntity } from '@faceauth/retention';
import { FaceAuthTokenEntity } from '@faceauth/token-policy';
import { WebhookInboxEntity } from '@faceauth/webhook';
import { InternalApiKeys1764100000000 } from './migrations/1764100000000-internal-api-keys';
import { FaceAuthTokens1764100000001 } from './migrations/1764100000001-faceauth-tokens';
import { FaceAuthResults1764100000002 } from './migrations/1764100000002-faceauth-results';
import { WebhookInbox1764100000003 } from './migrations/1764100000003-webhook-inbox';
import { Retention1764100000004 } from './migrations/1764100000004-retention';
import { ResultIdentity1764100000005 } from './migrations/1764100000005-result-identity';
import { LinkTokenInUrl1764100000006 } from './migrations/1764100000006-link-token-in-url';
import { LinkContext1764100000007 } from './migrations/1764100000007-link-context';
import { LinkOutcome1764100000008 } from './migrations/1764100000008-link-outcome';
import { Notifications1764100000009 } from './migrations/1764100000009-notifications';
import { InboxStatusOrder1764100000010 } from './migrations/1764100000010-inbox-status-order';
import { TablePrefix1764100000011 } from './migrations/1764100000011-table-prefix';
import { InboxClaimOrder1764100000012 } from './migrations/1764100000012-inbox-claim-order';

/**
 * Everything the product persists. A host application adds these to its own DataSource; the same
 * migrations serve SQLite and PostgreSQL.
 */
export const FACEAUTH_ENTITIES = [
  InternalApiKeyEntity,
  FaceAuthTokenEntity,
  FaceAuthResultEntity,
  WebhookInboxEntity,
  CleanupRunEntity,
  CleanupAuditEntity,
  CleanupLockEntity,
  ...NOTIFICATION_ENTITIES,
];

export const FACEAUTH_MIGRATIONS = [
  InternalApiKeys1764100000000,
  FaceAuthTokens1764100000001,
  FaceAuthResults1764100000002,
  WebhookInbox1764100000003,
  Retention1764100000004,
  ResultIdentity1764100000005,
  LinkTokenInUrl1764100000006,
  LinkContext1764100000007,
  LinkOutcome1764100000008,
  Notifications1764100000009,
  InboxStatusOrder1764100000010,
  TablePrefix1764100000011,
  InboxClaimOrder1764100000012,
];
