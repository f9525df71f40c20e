import { DataSource } from 'typeorm';
import { FaceAuthResultEntity } from '@faceauth/results';

/**
 * What a purged result keeps (besides its non-nullable columns: id, project, status, source, times): the
 * submit type and the two deletion instants. Everything else that may be null is cleared, so a personal
 * field added to the entity later is purged by default rather than kept by omission.
 */
const KEPT_NULLABLE = new Set(['submit_type', 'purged_at', 'argos_deleted_at']);

/** The `faceauth_results` columns a purge sets to NULL, read from the entity's metadata. */
export function personalResultColumns(dataSource: DataSource): string[] {
  return (
    dataSource
      .getMetadata(FaceAuthResultEntity)
      // `insert: false` columns are the cleanup state itself (see FaceAuthResultEntity), not personal data.
      .columns.filter(
        (column) => column.isNullable && column.isInsert && !KEPT_NULLABLE.has(column.databaseName),
      )
      .map((column) => column.databaseName)
  );
}
