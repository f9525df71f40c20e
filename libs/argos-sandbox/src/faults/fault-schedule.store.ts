import { Injectable } from '@nestjs/common';
import type { FaultKind, ScheduledFault } from './fault.type';

/** Faults armed through the control API, consumed in arming order by matching calls. */
@Injectable()
export class FaultScheduleStore {
  private faults: ScheduledFault[] = [];
  private sequence = 0;

  arm(kind: FaultKind, count: number, latencyMs: number, operation?: string): ScheduledFault {
    this.sequence += 1;
    const fault: ScheduledFault = {
      id: `fault_${this.sequence}`,
      kind,
      remaining: count,
      latencyMs,
      operation,
    };
    this.faults.push(fault);
    return fault;
  }

  /** Takes one use of the first armed fault matching the operation, if any. */
  take(operation: string): ScheduledFault | undefined {
    const fault = this.faults.find((f) => f.remaining > 0 && (!f.operation || f.operation === operation));
    if (!fault) return undefined;
    fault.remaining -= 1;
    this.faults = this.faults.filter((f) => f.remaining > 0);
    return { ...fault };
  }

  list(): ScheduledFault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  reset(): void {
    this.faults = [];
  }
}
