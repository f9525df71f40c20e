/** The Argos-facing operations the sandbox counts and can fault. */
export const SANDBOX_OPERATIONS = [
  'POST /v3/faceauth',
  'GET /v3/faceauth',
  'GET /v3/faceauth/image',
  'DELETE /v3/faceauth',
  'GET /face-auth',
  'POST /face-auth/submit',
] as const;

export type SandboxOperation = (typeof SANDBOX_OPERATIONS)[number];

/** Names the operation of a request (method + path without query), or undefined for other routes. */
export function operationOf(method: string, url: string): SandboxOperation | undefined {
  const path = url.split('?')[0].replace(/\/+$/, '');
  const name = `${method.toUpperCase()} ${path}`;
  return (SANDBOX_OPERATIONS as readonly string[]).includes(name) ? (name as SandboxOperation) : undefined;
}

export function isRestOperation(operation: SandboxOperation): boolean {
  return operation.includes(' /v3/');
}
