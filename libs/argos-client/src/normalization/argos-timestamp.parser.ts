// Epoch values below this are seconds (1e11 s is year 5138; 1e11 ms is 1973).
const SECONDS_LIMIT = 1e11;
const ZONELESS = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?))?$/;
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Parses an Argos `create_time` defensively: epoch seconds or milliseconds (number or numeric string),
 * ISO-8601 with a zone, or zone-less `yyyy-mm-dd[ hh:mm[:ss[.fff]]]`, which is read as **UTC** (the
 * vendor documents no zone; an assumption stated in the README). Anything else gives null, never a throw.
 */
export function parseArgosTimestamp(value: unknown): Date | null {
  if (value instanceof Date) return valid(value.getTime());
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return fromEpoch(Number(text));
  const zoneless = ZONELESS.exec(text);
  if (zoneless) return valid(Date.parse(`${zoneless[1]}T${zoneless[2] ?? '00:00:00'}Z`));
  if (/^\d{4}-\d{2}-\d{2}T/.test(text) && HAS_ZONE.test(text)) return valid(Date.parse(text));
  return null;
}

function fromEpoch(value: number): Date | null {
  if (!Number.isFinite(value) || value < 0) return null;
  return valid(value < SECONDS_LIMIT ? value * 1000 : value);
}

function valid(ms: number): Date | null {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date;
}
