import { IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { FAULT_KINDS, FaultKind } from '../faults/fault.type';
import { SANDBOX_OPERATIONS, SandboxOperation } from '../stats/sandbox-operation';

/** `POST /__sandbox/clock`: `advanceSeconds` (may be negative) or an absolute `now`. */
export class ClockChangeDto {
  @IsOptional()
  @IsNumber()
  advanceSeconds?: number;

  @IsOptional()
  @IsISO8601()
  now?: string;
}

/** `POST /__sandbox/faults`: fail the next `count` REST calls (optionally of one operation). */
export class ArmFaultDto {
  @IsOptional()
  @IsIn(FAULT_KINDS)
  kind?: FaultKind;

  /** Shorthand for a status kind: 500, 502, 400, 413, or 403 (= `403-key`). */
  @IsOptional()
  @IsIn([400, 403, 413, 500, 502])
  status?: 400 | 403 | 413 | 500 | 502;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  count?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(600_000)
  latencyMs?: number;

  @IsOptional()
  @IsIn(SANDBOX_OPERATIONS.filter((op) => op.includes('/v3/')))
  operation?: SandboxOperation;
}

/** `POST /__sandbox/webhooks/drop-next`. */
export class DropNextDto {
  @IsInt()
  @Min(0)
  @Max(10_000)
  count!: number;
}

/** `POST /__sandbox/webhooks/duplicate-next`: each of the next `count` webhooks is sent `times` times. */
export class DuplicateNextDto {
  @IsInt()
  @Min(0)
  @Max(10_000)
  count!: number;

  @IsOptional()
  @IsInt()
  @Min(2)
  @Max(20)
  times?: number;
}

/** `POST /__sandbox/links`: builds a Face Auth URL pointing at this sandbox. */
export class BuildLinkDto {
  @IsOptional()
  @IsString()
  pid?: string;

  @IsString()
  @MaxLength(128)
  sid!: string;

  @IsOptional() @IsString() authUserId?: string;
  @IsOptional() @IsString() authCf1?: string;
  @IsOptional() @IsString() authCf2?: string;
  @IsOptional() @IsString() authCf3?: string;
  @IsOptional() @IsString() token?: string;
  @IsOptional() @IsString() lang?: string;
}
