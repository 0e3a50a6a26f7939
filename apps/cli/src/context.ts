import { type Client, createClient, describeListChange } from '@c66-backup/core';
import type { Command } from 'commander';
import { resolveAccount } from './account.js';
import { resolveApiUrl } from './api-url.js';
import type { CliDeps } from './deps.js';
import { Output } from './output/output.js';
import { requestListener } from './request-listener.js';
import { readToken } from './token.js';
import { cliVersion } from './version.js';

/** Options every command accepts (declared once on the program). */
export interface GlobalOptions {
  json: boolean;
  debug: boolean;
  apiUrl?: string;
  allowInsecureHttp: boolean;
  tokenFile?: string;
  account?: string;
}

/** What a command's action works with. */
export interface CommandContext {
  client: Client;
  out: Output;
  globals: GlobalOptions;
  deps: CliDeps;
}

export function globalsOf(command: Command): GlobalOptions {
  const opts = command.optsWithGlobals<Partial<GlobalOptions>>();
  return {
    json: opts.json === true,
    debug: opts.debug === true,
    apiUrl: opts.apiUrl,
    allowInsecureHttp: opts.allowInsecureHttp === true,
    tokenFile: opts.tokenFile,
    account: opts.account,
  };
}

/** Validates the global options, reads the token and builds the core client. */
export async function createContext(command: Command, deps: CliDeps): Promise<CommandContext> {
  const globals = globalsOf(command);
  const baseUrl = resolveApiUrl(globals.apiUrl, deps, {
    allowInsecureHttp: globals.allowInsecureHttp,
  });
  const accountId = resolveAccount(globals.account, deps);
  const token = await readToken(globals.tokenFile, deps);
  const client = createClient({
    token,
    baseUrl,
    accountId,
    userAgent: `c66-backup-cli/${cliVersion}`,
    signal: deps.signal,
    onRequest: requestListener(deps.stderr, { debug: globals.debug }),
    // A live list shifted under a walk (handled: no repeats, nothing missed) or ended
    // early: worth a warning, on stderr so --json output stays clean.
    onListChange: (change) => deps.stderr.write(`warning: ${describeListChange(change)}\n`),
  });
  return { client, out: new Output(deps, globals.json), globals, deps };
}
