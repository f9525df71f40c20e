import { Column, Entity, PrimaryColumn } from 'typeorm';
import { faceAuthTable, TimestampColumn } from '@faceauth/core';

/** A named lease (SQLite, or PostgreSQL with the `lease` lock strategy): held by one instance until it expires. */
@Entity({ name: faceAuthTable('cleanup_locks') })
export class CleanupLockEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'varchar', length: 64 })
  holder!: string;

  @TimestampColumn({ name: 'acquired_at' })
  acquiredAt!: Date;

  @TimestampColumn({ name: 'expires_at' })
  expiresAt!: Date;
}
