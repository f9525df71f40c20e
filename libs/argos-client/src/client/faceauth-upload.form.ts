import { SubmitFaceImageInput } from './argos-call.interface';

/**
 * The multipart body of `POST /faceauth` (the contract's own example is multipart, whatever one page
 * says about JSON). Built per attempt: a FormData is cheap and never shared between requests.
 */
export function buildFaceAuthForm(input: SubmitFaceImageInput): FormData {
  const form = new FormData();
  form.append('submissionId', input.submissionId.trim());
  form.append('faceImage', new Blob([input.image], { type: input.mimeType }), input.filename);
  for (const field of ['userId', 'cf1', 'cf2', 'cf3'] as const) {
    const value = input[field];
    if (value !== undefined) form.append(field, value);
  }
  return form;
}
