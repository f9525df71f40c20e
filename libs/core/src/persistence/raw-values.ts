/** Readers for raw driver values (rows of raw statements): BIGINT arrives as a string on PostgreSQL. */
export const rawInstant = (value: unknown): Date | null =>
  value === null || value === undefined ? null : new Date(Number(value));
export const rawText = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);
export const rawInt = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);
