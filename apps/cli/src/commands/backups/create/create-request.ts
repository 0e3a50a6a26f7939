import {
  type DbType,
  formatDuration,
  minPollIntervalMs,
  selectedDbTypes,
  validateCron,
} from '@c66-backup/core';
import type { Command } from 'commander';
import { dbTypesOption } from '../../../db-type-option.js';
import { parseDuration } from '../../../duration.js';
import { parsePositiveInt } from '../../../positive-int.js';
import { UsageError } from '../../../usage-error.js';

/** The flags of `backups create`, as commander hands them over. */
export interface CreateFlags {
  dbType: string;
  wait?: boolean;
  timeout?: string;
  pollInterval?: string;
  reuseWithin?: string;
  frequency?: string;
  keepCount?: string;
  gzip?: boolean;
  excludedTables?: string;
  runOnReplicaServer?: boolean;
}

/** What to create, validated. */
export interface CreateRequest {
  /** The db types named, or `all` (the default): Cloud 66 picks the stack's databases. */
  dbTypes: DbType[] | 'all';
  frequency?: string;
  keepCount?: number;
  gzip?: boolean;
  excludedTables?: string;
  runOnReplicaServer?: boolean;
}

/** How to wait, validated; undefined without `--wait`. */
export interface WaitSettings {
  timeoutMs: number;
  pollIntervalMs?: number;
  /** `--reuse-within`: reuse backups that started at most this long ago. */
  reuseWithinMs?: number;
}

export function parseCreateRequest(flags: CreateFlags): CreateRequest {
  const request: CreateRequest = {
    dbTypes: dbTypesOption(flags.dbType),
  };
  if (flags.frequency !== undefined) {
    try {
      request.frequency = validateCron(flags.frequency);
    } catch (error) {
      throw new UsageError(`--frequency: ${(error as Error).message}`, { cause: error });
    }
  }
  if (flags.keepCount !== undefined) {
    request.keepCount = parsePositiveInt(flags.keepCount, '--keep-count');
  }
  if (flags.gzip !== undefined) request.gzip = flags.gzip;
  if (flags.excludedTables !== undefined) request.excludedTables = flags.excludedTables;
  if (flags.runOnReplicaServer) request.runOnReplicaServer = true;
  return request;
}

export function parseWaitSettings(
  flags: CreateFlags,
  request: CreateRequest,
  command: Command,
): WaitSettings | undefined {
  if (!flags.wait) {
    for (const [name, flag] of [
      ['timeout', '--timeout'],
      ['pollInterval', '--poll-interval'],
      ['reuseWithin', '--reuse-within'],
    ] as const) {
      if (command.getOptionValueSource(name) === 'cli') {
        throw new UsageError(`${flag} only applies with --wait`);
      }
    }
    return undefined;
  }
  const settings: WaitSettings = { timeoutMs: parseDuration(flags.timeout ?? '30m', '--timeout') };
  if (flags.reuseWithin !== undefined) {
    settings.reuseWithinMs = parseDuration(flags.reuseWithin, '--reuse-within');
  }
  if (flags.pollInterval !== undefined) {
    const pollIntervalMs = parseDuration(flags.pollInterval, '--poll-interval');
    // Cloud 66 allows 3,000 requests an hour; the core says how fast a wait may poll.
    const count = selectedDbTypes(request.dbTypes).length;
    const floor = minPollIntervalMs(count, settings.timeoutMs);
    if (pollIntervalMs < floor) {
      throw new UsageError(
        `--poll-interval ${flags.pollInterval} is too fast for ${count} db type(s) over ${formatDuration(settings.timeoutMs)}: at least ${floor / 1000}s keeps the wait within Cloud 66's rate limit`,
      );
    }
    settings.pollIntervalMs = pollIntervalMs;
  }
  return settings;
}
