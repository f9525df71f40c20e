import { LinkPolicy, LinkView, MintLinkInput } from '@faceauth/token-policy';
import { RequestValidationError } from '../errors/request-validation.error';
import { CreateLinkDto, LinkDto, LinkPolicyDto } from './link.dto';

export function toPolicy(dto: LinkPolicyDto | undefined): LinkPolicy | undefined {
  if (!dto) return undefined;
  if (dto.mode === 'count') {
    if (dto.windowSeconds !== undefined)
      throw new RequestValidationError(
        ['policy.windowSeconds'],
        'policy.windowSeconds applies to time mode only',
      );
    return { mode: 'count', maxUses: dto.maxUses ?? 1 };
  }
  if (dto.maxUses !== undefined)
    throw new RequestValidationError(['policy.maxUses'], 'policy.maxUses applies to count mode only');
  if (dto.windowSeconds === undefined)
    throw new RequestValidationError(
      ['policy.windowSeconds'],
      'policy.windowSeconds is required in time mode',
    );
  return { mode: 'time', windowSeconds: dto.windowSeconds };
}

export function toMintInput(dto: CreateLinkDto): MintLinkInput {
  // An explicit null is no context, as for the other optional fields.
  return {
    ...dto,
    policy: toPolicy(dto.policy),
    clientReference: dto.clientReference ?? undefined,
    metadata: dto.metadata ?? undefined,
  };
}

export function toLinkDto(view: LinkView, publicBaseUrl: string): LinkDto {
  return {
    id: view.id,
    project: view.project,
    token: view.token,
    tokenInUrl: view.tokenInUrl,
    url: view.url,
    shortUrl: view.shortUrl ?? `${publicBaseUrl}/l/${view.id}`,
    status: view.status,
    policy: view.policy,
    consumeOn: view.consumeOn,
    useCount: view.useCount,
    sid: view.sid,
    authUserId: view.authUserId,
    createdAt: view.createdAt.toISOString(),
    expiresAt: view.expiresAt.toISOString(),
    firstUsedAt: view.firstUsedAt?.toISOString() ?? null,
    windowEndsAt: view.windowEndsAt?.toISOString() ?? null,
    revokedAt: view.revokedAt?.toISOString() ?? null,
    clientReference: view.clientReference,
    metadata: view.metadata,
    outcome: {
      ...view.outcome,
      decidedAt: view.outcome.decidedAt?.toISOString() ?? null,
    },
  };
}
