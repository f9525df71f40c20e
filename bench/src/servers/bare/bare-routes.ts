import { randomUUID } from 'node:crypto';
import { FastifyInstance } from 'fastify';
import { FaceAuthUrlBuilder } from '@faceauth/encryption';
import { generateTokenId } from '@faceauth/token-policy';
import { BareKey, bareKeyAllows, isUuid, optionalText } from './bare-auth';
import { bareLinkJson } from './bare-link.view';
import { BareStore, BareTokenRow } from './bare-store';

export interface BareRouteDeps {
  store: BareStore;
  urls: FaceAuthUrlBuilder;
  project: string;
  publicBaseUrl: string;
  unusedLinkTtlMs: number;
  /** The configured internal keys by SHA-256 hex. */
  keys: ReadonlyMap<string, BareKey>;
  /** Called after a webhook was stored (the end-to-end baseline's processor). */
  inboxInserted?: () => void;
}

interface WebhookBody {
  data?: { Authentication_id?: unknown };
  Authentication_id?: unknown;
  auth_id?: unknown;
}

/**
 * The baseline's routes: the same paths and answers as the service, with only the work no implementation
 * can skip, written by hand: the key check and the input checks of the request, the statement, the
 * encryption, the JSON (no Nest, no guard class, no class-validator, no ORM, no hooks, no logging).
 */
export function registerBareRoutes(app: FastifyInstance, deps: BareRouteDeps): void {
  const { store, urls, publicBaseUrl } = deps;

  app.get('/health', async () => ({ status: 'ok' }));

  app.get<{ Params: { id: string } }>('/v1/links/:id', async (request, reply) => {
    if (!bareKeyAllows(request, deps.keys, 'links:read'))
      return reply.code(401).send({ error: 'UNAUTHENTICATED' });
    if (!isUuid(request.params.id)) return reply.code(400).send({ error: 'id' });
    const row = await store.findToken(request.params.id);
    if (!row) return reply.code(404).send({ error: 'TOKEN_NOT_FOUND' });
    return bareLinkJson(row, urls, publicBaseUrl, Date.now());
  });

  app.post<{ Body: { sid?: unknown; authUserId?: unknown } }>('/v1/links', async (request, reply) => {
    if (!bareKeyAllows(request, deps.keys, 'links:write'))
      return reply.code(401).send({ error: 'UNAUTHENTICATED' });
    const { sid, authUserId } = request.body ?? {};
    if (typeof sid !== 'string' || !optionalText(sid, 256)) return reply.code(400).send({ error: 'sid' });
    if (!optionalText(authUserId, 256)) return reply.code(400).send({ error: 'authUserId' });
    const now = Date.now();
    const row: BareTokenRow = {
      id: randomUUID(),
      token: generateTokenId(),
      project: deps.project,
      sid,
      authUserId: typeof authUserId === 'string' ? authUserId : null,
      authCf1: null,
      authCf2: null,
      authCf3: null,
      lang: null,
      policyMode: 'count',
      maxUses: 1,
      windowSeconds: null,
      consumeOn: 'result',
      tokenInUrl: true,
      clientReference: null,
      metadata: null,
      useCount: 0,
      firstUsedAt: null,
      windowEndsAt: null,
      expiresAt: now + deps.unusedLinkTtlMs,
      revokedAt: null,
      expiredAt: null,
      createdAt: now,
      outcomeStatus: 'pending',
      outcomeAuthId: null,
      outcomeDecidedAt: null,
      outcomeReason: null,
    };
    // Encrypt before writing, as the service does: a field the codec refuses leaves no row behind.
    const body = bareLinkJson(row, urls, publicBaseUrl, now);
    await store.insertToken(row);
    return reply.code(201).send(body);
  });

  app.post<{ Body: WebhookBody }>('/webhooks/argos', async (request, reply) => {
    const body = request.body ?? {};
    const authId = body.data?.Authentication_id ?? body.Authentication_id ?? body.auth_id;
    if (typeof authId !== 'string' || authId === '')
      return reply.code(400).send({ error: 'MALFORMED_PAYLOAD' });
    const now = Date.now();
    const inserted = await store.insertInbox({
      id: randomUUID(),
      dedupeKey: `faceAuth:${authId}`,
      authId,
      payload: JSON.stringify(body),
      receivedAt: now,
    });
    if (inserted) deps.inboxInserted?.();
    return { received: true, duplicate: !inserted };
  });
}
