/** Where a fault can strike: one API route, or `download` (the file host). */
export const FAULT_ROUTES = [
  'stacks.list',
  'stacks.get',
  'backups.list',
  'backups.get',
  'backups.create',
  'files.list',
  'files.get',
  'download',
] as const;
export type FaultRoute = (typeof FAULT_ROUTES)[number];

export const FAULT_KINDS = [
  'latency',
  'status',
  'reset',
  'stall',
  'truncate',
  'corrupt',
  'malformed-json',
  'drift',
  'redirect',
  'shift',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Narrows a fault to requests about one stack, backup, file or db type. */
export interface FaultMatch {
  stackUid?: string;
  backupId?: number;
  fileId?: string;
  dbType?: string;
  /** The page a list request asks for (list routes only). */
  page?: number;
}

interface FaultBase {
  route: FaultRoute;
  /** How many matching requests it hits (default 1; `Infinity` for always). */
  times?: number;
  match?: FaultMatch;
}

/** A fault to inject. Byte offsets count from the start of the response body. */
export type Fault = FaultBase &
  (
    | { kind: 'latency'; ms: number }
    | {
        kind: 'status';
        status: number;
        error?: string;
        body?: unknown;
        headers?: Record<string, string>;
      }
    | { kind: 'reset'; afterBytes?: number }
    | { kind: 'stall'; afterBytes?: number; ms?: number }
    | { kind: 'truncate'; afterBytes?: number }
    | { kind: 'corrupt'; atByte?: number }
    | { kind: 'malformed-json' }
    | { kind: 'drift' }
    /**
     * The file host answers a redirect (default 307) to a second path of itself that
     * serves the same object, like an S3 regional endpoint. Only requests on the first
     * path are redirected, unless `chain` (the second path redirects again, to a new URL
     * each hop); `loop` points back at the very URL asked instead.
     */
    | { kind: 'redirect'; status?: RedirectStatus; loop?: boolean; chain?: boolean }
    /**
     * `backups.list` only: once this page is served, the list changes as Cloud 66's
     * do between two page requests: `insert` new backups at the top (a scheduled run),
     * `prune` the oldest ones (`keep_count`), of `dbType` (default the stack's first).
     */
    | { kind: 'shift'; insert?: number; prune?: number; dbType?: string }
  );

export const REDIRECT_STATUSES = [301, 302, 303, 307, 308] as const;
export type RedirectStatus = (typeof REDIRECT_STATUSES)[number];

/** What a request is about, for `match`. */
export interface FaultContext {
  route: FaultRoute;
  stackUid?: string;
  backupId?: number;
  fileId?: string;
  dbType?: string;
  page?: number;
}

/** The body-level faults a response can suffer once it is being written. */
export type BodyFault = Extract<Fault, { kind: 'reset' | 'stall' | 'truncate' | 'corrupt' }>;
