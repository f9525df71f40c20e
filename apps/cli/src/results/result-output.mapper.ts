import { ResultView } from '@faceauth/results';

/** A result as `GET /v1/results/:authId` answers it (instants as ISO strings). */
export type ResultOutput = Omit<ResultView, 'createdAt' | 'updatedAt' | 'purgedAt' | 'argosDeletedAt'> & {
  createdAt: string;
  updatedAt: string;
  purgedAt: string | null;
  argosDeletedAt: string | null;
};

export function toResultOutput(view: ResultView): ResultOutput {
  return {
    ...view,
    createdAt: view.createdAt.toISOString(),
    updatedAt: view.updatedAt.toISOString(),
    purgedAt: view.purgedAt?.toISOString() ?? null,
    argosDeletedAt: view.argosDeletedAt?.toISOString() ?? null,
  };
}
