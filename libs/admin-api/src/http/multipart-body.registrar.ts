import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

interface FastifyContentTypes {
  hasContentTypeParser(contentType: string): boolean;
  addContentTypeParser(
    contentType: string,
    parser: (request: unknown, payload: unknown, done: (error: Error | null) => void) => void,
  ): void;
}

/**
 * Lets `multipart/form-data` reach the one route that reads it (`POST /v1/faceauth`, which parses the raw
 * stream itself) instead of Fastify's 415: the body is left unread here. Nothing is added when the host
 * already has a parser for the type (e.g. `@fastify/multipart`, whose parser also leaves the stream
 * unread), and nothing on a non-Fastify adapter. Unlike `@fastify/multipart`, this adds no hook to any
 * request.
 */
@Injectable()
export class MultipartBodyRegistrar implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter;
    if (adapter?.getType() !== 'fastify') return;
    const fastify = adapter.getInstance<FastifyContentTypes>();
    if (fastify.hasContentTypeParser('multipart/form-data')) return;
    fastify.addContentTypeParser('multipart/form-data', (_request, _payload, done) => done(null));
  }
}
