import { ResultView } from '@faceauth/results';
import { ResultDto } from './result.dto';

export function toResultDto(view: ResultView): ResultDto {
  return {
    ...view,
    createdAt: view.createdAt.toISOString(),
    updatedAt: view.updatedAt.toISOString(),
    purgedAt: view.purgedAt?.toISOString() ?? null,
    argosDeletedAt: view.argosDeletedAt?.toISOString() ?? null,
  };
}
