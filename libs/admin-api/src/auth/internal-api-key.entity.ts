import { Column, Entity, PrimaryColumn } from 'typeorm';
import { faceAuthTable, TimestampColumn } from '@faceauth/core';

/** An internal API key managed at run time (CLI, bootstrap). Only the SHA-256 of the secret is stored. */
@Entity({ name: faceAuthTable('internal_api_keys') })
export class InternalApiKeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ name: 'key_hash', type: 'varchar', length: 64, unique: true })
  keyHash!: string;

  /** First characters of the key, to recognise it in listings; not enough to use it. */
  @Column({ name: 'key_prefix', type: 'varchar', length: 16 })
  keyPrefix!: string;

  @Column({ type: 'simple-array' })
  scopes!: string[];

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @TimestampColumn({ name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;
}
