import { HostedPageErrorCode } from './hosted-page.error';

/** Texts of the hosted page; `lang` picks one, anything unknown falls back to English. */
export interface PageTexts {
  title: string;
  intro: string;
  chooseFile: string;
  submit: string;
  useReference: string;
  approved: string;
  rejected: string;
  authId: string;
  similarity: string;
  errorTitle: string;
  errors: Record<HostedPageErrorCode, string>;
}

const en: PageTexts = {
  title: 'Face authentication',
  intro: 'Take or upload a selfie to confirm it is you.',
  chooseFile: 'Selfie (JPEG or PNG)',
  submit: 'Submit selfie',
  useReference: 'Use the reference photo',
  approved: 'Authentication approved',
  rejected: 'Authentication rejected',
  authId: 'Authentication id',
  similarity: 'Face similarity',
  errorTitle: 'This face authentication cannot continue',
  errors: {
    MISSING_PARAMETER: 'The link is incomplete (pid and encrypted are required).',
    UNKNOWN_PROJECT: 'This FaceAuth project does not exist.',
    DECRYPTION_FAILED: 'The link could not be decrypted.',
    SUBMISSION_NOT_FOUND: 'The identity check this link refers to does not exist.',
    SUBMISSION_NOT_APPROVED: 'The identity check this link refers to is not approved.',
    TOKEN_EXPIRED: 'This link has expired.',
    IMAGE_REQUIRED: 'Please choose a selfie first.',
    INVALID_IMAGE: 'The selfie must be a JPEG or PNG image.',
    IMAGE_TOO_LARGE: 'The selfie is too large.',
  },
};

const ko: PageTexts = {
  title: '얼굴 인증',
  intro: '본인 확인을 위해 셀피를 촬영하거나 업로드하세요.',
  chooseFile: '셀피 (JPEG 또는 PNG)',
  submit: '셀피 제출',
  useReference: '기준 사진 사용',
  approved: '인증 승인',
  rejected: '인증 거절',
  authId: '인증 ID',
  similarity: '얼굴 유사도',
  errorTitle: '얼굴 인증을 진행할 수 없습니다',
  errors: {
    MISSING_PARAMETER: '링크가 올바르지 않습니다 (pid, encrypted 필요).',
    UNKNOWN_PROJECT: '존재하지 않는 FaceAuth 프로젝트입니다.',
    DECRYPTION_FAILED: '링크를 복호화할 수 없습니다.',
    SUBMISSION_NOT_FOUND: '해당 신원 확인 제출을 찾을 수 없습니다.',
    SUBMISSION_NOT_APPROVED: '해당 신원 확인 제출이 승인되지 않았습니다.',
    TOKEN_EXPIRED: '만료된 링크입니다.',
    IMAGE_REQUIRED: '먼저 셀피를 선택하세요.',
    INVALID_IMAGE: '셀피는 JPEG 또는 PNG 이미지여야 합니다.',
    IMAGE_TOO_LARGE: '셀피 파일이 너무 큽니다.',
  },
};

const TEXTS: Record<string, PageTexts> = { en, ko };

/** The language actually used for `lang` (its primary subtag when known, else `en`). */
export function pageLanguage(lang: string | undefined): string {
  const primary = (lang ?? '').toLowerCase().split(/[-_]/)[0];
  return primary in TEXTS ? primary : 'en';
}

export function pageTexts(lang: string | undefined): PageTexts {
  return TEXTS[pageLanguage(lang)];
}
