import { validateFault } from './fault-spec.js';
import type { Fault, FaultContext } from './fault-types.js';

/** A fault in force: how often it struck and how many hits remain. */
export interface InjectedFault {
  readonly fault: Fault;
  readonly hits: number;
  readonly remaining: number;
  remove(): void;
  /** Ends a `stall` it caused now, rather than after its `ms` (a test's "go on"). */
  release(): void;
}

interface Entry {
  fault: Fault;
  hits: number;
  remaining: number;
  released: Promise<void>;
}

/** What a request gets: extra latency and at most one fault shaping its response. */
export interface FaultDecision {
  latencyMs: number;
  fault?: Exclude<Fault, { kind: 'latency' }>;
  /** Settles when the test releases that fault (a stall then ends early). */
  released?: Promise<void>;
}

/** Faults injected from tests, flags or env; consumed in injection order. */
export class FaultRegistry {
  private entries: Entry[] = [];

  inject(fault: Fault): InjectedFault {
    validateFault(fault);
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const entry: Entry = { fault, hits: 0, remaining: fault.times ?? 1, released };
    this.entries.push(entry);
    const remove = () => {
      this.entries = this.entries.filter((e) => e !== entry);
    };
    return {
      fault,
      get hits() {
        return entry.hits;
      },
      get remaining() {
        return entry.remaining;
      },
      remove,
      release,
    };
  }

  clear(): void {
    this.entries = [];
  }

  /** Faults still in force. */
  list(): Fault[] {
    return this.entries.map((e) => e.fault);
  }

  /**
   * Consumes the faults that hit this request: every latency, then the first other one.
   * Faults `applies` rejects (e.g. body faults for a HEAD) stay for a later request.
   */
  take(ctx: FaultContext, applies: (fault: Fault) => boolean = () => true): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0 };
    for (const entry of this.entries) {
      if (entry.remaining <= 0 || !matches(entry.fault, ctx) || !applies(entry.fault)) continue;
      if (entry.fault.kind === 'latency') {
        decision.latencyMs += entry.fault.ms;
      } else if (decision.fault) {
        continue;
      } else {
        decision.fault = entry.fault;
        decision.released = entry.released;
      }
      entry.hits++;
      entry.remaining--;
    }
    this.entries = this.entries.filter((e) => e.remaining > 0);
    return decision;
  }
}

function matches(fault: Fault, ctx: FaultContext): boolean {
  if (fault.route !== ctx.route) return false;
  const m = fault.match;
  if (!m) return true;
  return (
    (m.stackUid === undefined || m.stackUid === ctx.stackUid) &&
    (m.backupId === undefined || m.backupId === ctx.backupId) &&
    (m.fileId === undefined || m.fileId === ctx.fileId) &&
    (m.dbType === undefined || m.dbType === ctx.dbType) &&
    (m.page === undefined || m.page === ctx.page)
  );
}
