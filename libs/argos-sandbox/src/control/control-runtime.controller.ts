import {
  All,
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Post,
  Req,
  UsePipes,
  ValidationPipe,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { SandboxClock } from '../core/sandbox-clock';
import { SandboxResetService } from '../core/sandbox-reset.service';
import { FaultScheduleStore } from '../faults/fault-schedule.store';
import { DEFAULT_SLOW_MS, FaultKind, ScheduledFault } from '../faults/fault.type';
import { CallStatsRecorder, SandboxStats } from '../stats/call-stats.recorder';
import { ArmFaultDto, ClockChangeDto } from './control-runtime.dto';

/** Control API: the clock, scheduled faults, call statistics and reset. */
@Controller('__sandbox')
@UsePipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true }))
export class ControlRuntimeController {
  constructor(
    private readonly clock: SandboxClock,
    private readonly faults: FaultScheduleStore,
    private readonly stats: CallStatsRecorder,
    private readonly resetter: SandboxResetService,
  ) {}

  @Get('clock')
  now(): { now: string } {
    return { now: this.clock.now().toISOString() };
  }

  @Post('clock')
  @HttpCode(200)
  changeClock(@Body() dto: ClockChangeDto): { now: string } {
    if ((dto.advanceSeconds === undefined) === (dto.now === undefined)) {
      throw new BadRequestException('give exactly one of advanceSeconds or now');
    }
    const now =
      dto.now !== undefined ? this.clock.set(new Date(dto.now)) : this.clock.advance(dto.advanceSeconds ?? 0);
    return { now: now.toISOString() };
  }

  @Get('faults')
  listFaults(): ScheduledFault[] {
    return this.faults.list();
  }

  @Post('faults')
  @HttpCode(200)
  armFault(@Body() dto: ArmFaultDto): ScheduledFault {
    if ((dto.kind === undefined) === (dto.status === undefined)) {
      throw new BadRequestException('give exactly one of kind or status');
    }
    const kind: FaultKind = dto.kind ?? (dto.status === 403 ? '403-key' : (String(dto.status) as FaultKind));
    return this.faults.arm(
      kind,
      dto.count ?? 1,
      dto.latencyMs ?? (kind === 'slow' ? DEFAULT_SLOW_MS : 0),
      dto.operation,
    );
  }

  @Delete('faults')
  clearFaults(): { cleared: true } {
    this.faults.reset();
    return { cleared: true };
  }

  @Get('stats')
  getStats(): SandboxStats {
    return this.stats.snapshot();
  }

  @Post('reset')
  @HttpCode(200)
  reset(): { reset: true } {
    this.resetter.reset();
    return { reset: true };
  }

  /** Where the `redirect` fault points: records whether a client followed it, and with its key. */
  @All('redirect-target')
  redirectTarget(@Req() request: FastifyRequest): { message: string } {
    this.stats.recordRedirectFollow(typeof request.headers['x-api-key'] === 'string');
    return { message: 'redirected: a client should not follow Argos redirects' };
  }
}
