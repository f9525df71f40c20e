import { InternalApiKeyEntity } from '@faceauth/admin-api';
import { InternalApiKeys1764100000000 } from './migrations/1764100000000-internal-api-keys';

/**
 * Everything the product persists. A host application adds these to its own DataSource; the same
 * migrations serve SQLite and PostgreSQL.
 */
export const FACEAUTH_ENTITIES = [InternalApiKeyEntity];

export const FACEAUTH_MIGRATIONS = [InternalApiKeys1764100000000];
