import { FaceAuthScores } from './faceauth-record.interface';
import { asNumber, FieldReader } from './record-fields.reader';

// Normalised aliases: the POST response's `score` uses *_score names, GET's `result` mostly plain ones.
const SCORE_ALIASES: Readonly<Record<keyof FaceAuthScores, readonly string[]>> = {
  faceSimilarity: ['facesimilarityscore', 'facesimilarity', 'similarityscore', 'similarity'],
  occluded: ['occludedscore', 'occluded', 'detectoccluded'],
  faceCover: ['facecoverscore', 'facecover'],
  headCover: ['headcoverscore', 'headcover'],
  liveness: ['livenessscore', 'liveness', 'passivelivenessscore', 'passiveliveness'],
  activeLiveness: ['activelivenessscore', 'activeliveness'],
};

/**
 * Collects scores from the record's `score` object, then its `result` object, then the record itself;
 * the first numeric value wins. Non-numeric values (e.g. a boolean `detectOccluded`) are ignored.
 */
export function normalizeScores(record: FieldReader): FaceAuthScores {
  const sources = [record.object('score', 'scores'), record.object('result', 'results')]
    .filter((source): source is Record<string, unknown> => source !== undefined)
    .map((source) => new FieldReader(source))
    .concat(record);
  const scores: FaceAuthScores = {};
  for (const key of Object.keys(SCORE_ALIASES) as (keyof FaceAuthScores)[]) {
    for (const source of sources) {
      const value = source.number(...SCORE_ALIASES[key]);
      if (value !== undefined) {
        scores[key] = value;
        break;
      }
    }
  }
  return scores;
}

/** The numeric thresholds of a `policy` object, keys kept as Argos sent them. */
export function normalizePolicy(
  policy: Record<string, unknown> | undefined,
): Record<string, number> | undefined {
  if (policy === undefined) return undefined;
  const numeric = Object.entries(policy)
    .map(([name, value]) => [name, asNumber(value)] as const)
    .filter((entry): entry is readonly [string, number] => entry[1] !== undefined);
  return numeric.length === 0 ? undefined : Object.fromEntries(numeric);
}
