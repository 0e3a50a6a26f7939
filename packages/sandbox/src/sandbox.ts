import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { API_PREFIX } from './api-routes.js';
import { fileContent, joinedContent } from './backup-bytes.js';
import { backupFiles } from './backup-files.js';
import { EtagCache } from './etag.js';
import { FaultRegistry } from './fault-registry.js';
import type { FileRef } from './file-registry.js';
import { Lifecycle } from './lifecycle.js';
import { type DbType, isDbType } from './model.js';
import { resolveOptions, type SandboxOptions } from './options.js';
import { Presigner } from './presign.js';
import { RateLimiter } from './rate-limiter.js';
import { RequestLog } from './request-log.js';
import { type AddBackupsOptions, type Sandbox, SandboxError } from './sandbox-types.js';
import { seedWorld } from './seed.js';
import { createSandboxServer } from './server.js';
import { TokenStore } from './tokens.js';
import { type StoredStack, World } from './world.js';

const HOUR = 3_600_000;

/** Starts a Cloud 66 API v3 simulator on real HTTP (127.0.0.1, port 0 by default). */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const opts = resolveOptions(options);
  const world = new World(opts.seed);
  seedWorld(world, opts.backups);
  const tokens = new TokenStore(opts.seed, opts.token, opts.readOnlyToken);
  const faults = new FaultRegistry();
  for (const fault of opts.faults) faults.inject(fault);
  const lifecycle = new Lifecycle(world, opts);
  const files = new Map<string, FileRef>();
  const log = new RequestLog(opts.maxRecordedRequests);
  let origin = '';
  const { server, sockets } = createSandboxServer(
    {
      opts,
      world,
      lifecycle,
      presigner: new Presigner(`c66-sandbox-secret:${opts.seed}:${tokens.token}`),
      etags: new EtagCache(),
      files,
      tokens,
      limiter: new RateLimiter(opts.rateLimitPerHour, opts.now),
      faults,
      origin: () => origin,
    },
    log,
  );
  server.listen(opts.port, opts.host);
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  origin = `http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${port}`;

  const stackOf = (uid: string): StoredStack => {
    const stack = world.stack(uid);
    if (!stack) throw new SandboxError('SANDBOX_UNKNOWN_STACK', `no stack with uid "${uid}"`);
    return stack;
  };
  const dbTypeOf = (stack: StoredStack, dbType: string): DbType => {
    if (!isDbType(dbType) || !stack.dbTypes.includes(dbType)) {
      throw new SandboxError(
        'SANDBOX_BAD_ARGUMENT',
        `stack "${stack.api.name}" has no ${dbType} database (it has: ${stack.dbTypes.join(', ')})`,
      );
    }
    return dbType;
  };
  const backupOf = (uid: string, id: number) => {
    const backup = stackOf(uid).backups.get(id);
    if (!backup)
      throw new SandboxError('SANDBOX_UNKNOWN_BACKUP', `stack ${uid} has no backup ${id}`);
    return backup;
  };

  let closed: Promise<void> | undefined;
  return {
    apiUrl: `${origin}${API_PREFIX}`,
    origin,
    port,
    token: tokens.token,
    readOnlyToken: tokens.readOnlyToken,
    revokeToken: (token) => tokens.revoke(token),
    addToken: (token, scope = 'admin') => tokens.add(token, scope),
    stacks: () => world.stacks.map((s) => s.api),
    backupGroups: (uid) => stackOf(uid).groups.map((g) => ({ ...g })),
    backupTasks: (uid) => stackOf(uid).tasks.map((t) => ({ ...t })),
    createStack(spec) {
      const count = spec.backups ?? 0;
      const endAt = opts.now() - HOUR;
      const dbTypes = spec.dbTypes ?? ['mysql'];
      for (const t of dbTypes) {
        if (!isDbType(t)) throw new SandboxError('SANDBOX_BAD_ARGUMENT', `unknown db type "${t}"`);
      }
      return world.createStack({
        name: spec.name,
        environment: spec.environment,
        dbTypes,
        createdAt: endAt - count * HOUR - 24 * HOUR,
        series: {
          count,
          endAt,
          intervalMs: HOUR,
          profile: 'plain',
          sizeBytes: spec.backupSizeBytes,
        },
      }).api;
    },
    addBackups(uid, spec: AddBackupsOptions) {
      const stack = stackOf(uid);
      const dbType = dbTypeOf(stack, spec.dbType);
      const count = spec.count ?? 1;
      const now = opts.now();
      const added = [];
      for (let i = 0; i < count; i++) {
        const startedAt = now - (count - i) * 60_000;
        added.push(
          world.addBackup(stack, {
            dbType,
            startedAt,
            finishedAt: startedAt + 30_000,
            outcome: spec.status ?? 'ok',
            sizeBytes: spec.sizeBytes ?? 512 * (1024 + ((i * 97) % 4096)),
            verifyStatus: spec.verified ? 2 : 0,
            verifyResult: spec.verified ? 'Backup verified' : null,
          }).api,
        );
      }
      return added;
    },
    scheduleBackup(uid, dbType, spec) {
      const stack = stackOf(uid);
      return lifecycle.schedule(
        stack,
        dbTypeOf(stack, dbType),
        spec.delayMs,
        spec.outcome,
        spec.startedAt,
      );
    },
    setBackupOutcome: (override) => lifecycle.overrideOutcome(override),
    backupFiles: (uid, id) =>
      backupFiles(backupOf(uid, id), opts.splitThresholdBytes).map(({ id: fid, name, size }) => ({
        id: fid,
        name,
        size,
      })),
    expectedFileContent: (uid, id, fileId) =>
      fileContent(backupOf(uid, id), opts.seed, fileId, opts.splitThresholdBytes),
    expectedBackupContent: (uid, id) =>
      joinedContent(backupOf(uid, id), opts.seed, opts.splitThresholdBytes),
    faults: {
      inject: (fault) => faults.inject(fault),
      clear: () => faults.clear(),
      list: () => faults.list(),
    },
    get requests() {
      return log.all;
    },
    clearRequests: () => log.clear(),
    close() {
      closed ??= (async () => {
        lifecycle.close();
        const done = once(server, 'close');
        server.close();
        for (const socket of sockets) socket.destroy();
        await done;
      })();
      return closed;
    },
  };
}
