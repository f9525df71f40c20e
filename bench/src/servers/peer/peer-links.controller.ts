import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Repository } from 'typeorm';
import { FaceAuthTokenEntity } from '@faceauth/token-policy';
import { RequireScope } from './peer-api-key.guard';
import { PeerLinkJson, PeerLinkView } from './peer-link.view';

/**
 * The query the service's route accepts, validated by the global ValidationPipe as the service validates
 * it. The peer does not long-poll: the bench never sends `wait`, so both answer at once.
 */
export class PeerGetLinkQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60)
  wait?: number;
}

/** `GET /v1/links/:id` as most Nest teams write it: scope metadata, ParseUUIDPipe, `findOneBy`, a mapper. */
@Controller('v1/links')
export class PeerLinksController {
  constructor(
    @InjectRepository(FaceAuthTokenEntity) private readonly links: Repository<FaceAuthTokenEntity>,
    private readonly view: PeerLinkView,
  ) {}

  @Get(':id')
  @RequireScope('links:read')
  async get(
    @Param('id', new ParseUUIDPipe()) id: string,
    // Validated, not used (see PeerGetLinkQuery).
    @Query() _query: PeerGetLinkQuery,
  ): Promise<PeerLinkJson> {
    const link = await this.links.findOneBy({ id });
    if (link === null) throw new NotFoundException(`No link ${id}`);
    return this.view.toJson(link, new Date());
  }
}
