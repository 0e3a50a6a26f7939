import { parseArgs } from 'node:util';
import { parseFaultFlag, parseFaultsJson } from '../faults/fault-spec.js';
import type { Fault } from '../faults/fault-types.js';
import type { SandboxOptions } from '../server/options.js';
import {
  parseDbTypes,
  parseDuration,
  parseInteger,
  parseProfile,
  parseSize,
  parseSpeed,
  parseSwitch,
  profileFromEnv,
} from './cli-values.js';

export const DEFAULT_CLI_PORT = 4066;

export interface CliConfig {
  help: boolean;
  options: SandboxOptions;
}

/** Flags beat `C66_SANDBOX_*` env variables, which beat the defaults. */
export function parseCli(argv: string[], env: NodeJS.ProcessEnv): CliConfig {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      profile: { type: 'string' },
      'bare-stack': { type: 'boolean' },
      backups: { type: 'string' },
      'split-threshold': { type: 'string' },
      'backup-delay': { type: 'string' },
      'import-delay': { type: 'string' },
      'url-ttl': { type: 'string' },
      'rate-limit': { type: 'string' },
      latency: { type: 'string' },
      'connection-speed': { type: 'string' },
      'link-speed': { type: 'string' },
      'first-byte': { type: 'string' },
      'fail-db-types': { type: 'string' },
      token: { type: 'string' },
      'read-only-token': { type: 'string' },
      fault: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const pick = (flag: keyof typeof values, envName: string): string | undefined => {
    const value = values[flag];
    return typeof value === 'string' ? value : env[`C66_SANDBOX_${envName}`] || undefined;
  };
  const map = <T>(
    flag: keyof typeof values,
    envName: string,
    parse: (text: string) => T,
  ): T | undefined => {
    const text = pick(flag, envName);
    return text === undefined ? undefined : parse(text);
  };
  const faults: Fault[] = [
    ...(env.C66_SANDBOX_FAULTS ? parseFaultsJson(env.C66_SANDBOX_FAULTS) : []),
    ...(values.fault ?? []).map(parseFaultFlag),
  ];
  return {
    help: values.help === true,
    options: {
      port: map('port', 'PORT', (t) => parseInteger(t, 'port')) ?? DEFAULT_CLI_PORT,
      host: pick('host', 'HOST'),
      seed: map('seed', 'SEED', (t) => parseInteger(t, 'seed')),
      profile:
        typeof values.profile === 'string' ? parseProfile(values.profile) : profileFromEnv(env),
      bareStack:
        values['bare-stack'] === true ||
        (env.C66_SANDBOX_BARE_STACK
          ? parseSwitch(env.C66_SANDBOX_BARE_STACK, 'bare-stack')
          : undefined),
      backups: map('backups', 'BACKUPS', (t) => parseInteger(t, 'backups')),
      splitThresholdBytes: map('split-threshold', 'SPLIT_THRESHOLD', (t) =>
        parseSize(t, 'split-threshold'),
      ),
      backupDelayMs: map('backup-delay', 'BACKUP_DELAY', (t) => parseDuration(t, 'backup-delay')),
      importDelayMs: map('import-delay', 'IMPORT_DELAY', (t) => parseDuration(t, 'import-delay')),
      urlTtlSeconds: map('url-ttl', 'URL_TTL', (t) => parseDuration(t, 'url-ttl', 1000) / 1000),
      rateLimitPerHour: map('rate-limit', 'RATE_LIMIT', (t) => parseInteger(t, 'rate-limit')),
      latencyMs: map('latency', 'LATENCY', (t) => parseDuration(t, 'latency')),
      connectionBytesPerSecond: map('connection-speed', 'CONNECTION_SPEED', (t) =>
        parseSpeed(t, 'connection-speed'),
      ),
      linkBytesPerSecond: map('link-speed', 'LINK_SPEED', (t) => parseSpeed(t, 'link-speed')),
      firstByteMs: map('first-byte', 'FIRST_BYTE', (t) => parseDuration(t, 'first-byte')),
      failDbTypes: map('fail-db-types', 'FAIL_DB_TYPES', parseDbTypes),
      token: pick('token', 'TOKEN'),
      readOnlyToken: pick('read-only-token', 'READ_ONLY_TOKEN'),
      faults,
    },
  };
}

export const HELP = `c66-sandbox: a Cloud 66 API v3 simulator for backups

Usage: c66-sandbox [options]

  --port <n>              port on 127.0.0.1 (default ${DEFAULT_CLI_PORT}; 0 = any free port)
  --host <addr>           interface to listen on (default 127.0.0.1)
  --seed <n>              seed of the generated data (default 1)
  --profile <p>           documented (default): exactly the fields of Cloud 66's examples;
                          full: plus the fields only the Go client knows
  --bare-stack            also seed a stack "bare" carrying only the required fields
  --backups <n>           backups of the "bulk" stack (default 1000; 100000 is cheap)
  --split-threshold <sz>  split backups above this size into tar-aa, tar-ab, ... (default 250MB)
  --backup-delay <ms>     create -> backup appears (default 1500ms; accepts 2s)
  --import-delay <ms>     import -> backup appears (default 1500ms)
  --url-ttl <s>           presigned URL lifetime in seconds (default 3600; accepts 5m)
  --rate-limit <n>        API requests per token per hour (default 3000; 0 = off)
  --latency <ms>          added to every API request (default 0)
  --connection-speed <sz> network model: one connection's bandwidth, e.g. 32MB/s (default off)
  --link-speed <sz>       network model: bandwidth all connections share, e.g. 400MB/s (default off)
  --first-byte <ms>       network model: delay before each file host answer (default 0; accepts 20ms)
  --fail-db-types <list>  created backups of these db types fail, e.g. redis,mongodb
  --token <t>             fixed admin token (default derived from the seed)
  --read-only-token <t>   fixed read-only token (default derived from the seed)
  --fault <spec>          route:kind[:key=value...], repeatable, e.g.
                            download:reset:afterBytes=1048576:times=1
                            files.get:status:status=503:error=throttled
                            backups.list:latency:ms=200:times=Infinity
  -h, --help              this help

Every option can also come from env: C66_SANDBOX_PORT, C66_SANDBOX_SPLIT_THRESHOLD, ...
and C66_SANDBOX_FAULTS (a JSON array of faults).
Sizes use binary units (100MB = 100 MiB).`;
