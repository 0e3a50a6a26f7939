#!/usr/bin/env node
import { HELP, parseCli } from './cli/cli-args.js';
import { startSandbox } from './server/start-sandbox.js';
import { BULK_STACK_NAME } from './world/seed/seed.js';

async function main(): Promise<void> {
  // A parent that stopped reading our output must not turn a clean shutdown into a crash.
  process.stdout.on('error', () => {});
  let config: ReturnType<typeof parseCli>;
  try {
    // `pnpm start -- --port 0` passes the `--` through: skip it.
    const args = process.argv.slice(2);
    config = parseCli(args[0] === '--' ? args.slice(1) : args, process.env);
  } catch (error) {
    process.stderr.write(
      `c66-sandbox: ${(error as Error).message}\n\nRun c66-sandbox --help for usage.\n`,
    );
    process.exitCode = 2;
    return;
  }
  if (config.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const sb = await startSandbox(config.options);
  const stacks = sb.stacks();
  const ready = {
    apiUrl: sb.apiUrl,
    token: sb.token,
    readOnlyToken: sb.readOnlyToken,
    port: sb.port,
    profile: sb.profile,
    pid: process.pid,
  };
  process.stdout.write(
    [
      `Cloud 66 sandbox listening on ${sb.origin}`,
      `  API base URL:    ${sb.apiUrl}`,
      `  token (admin):   ${sb.token}`,
      `  read-only token: ${sb.readOnlyToken}`,
      `  profile:         ${sb.profile} (${PROFILE_NOTE[sb.profile]})`,
      `  stacks:          ${stacks.map((s) => `${s.name}/${s.environment}`).join(', ')} (bulk stack: ${BULK_STACK_NAME})`,
      `  try: curl -H "Authorization: Bearer ${sb.token}" ${sb.apiUrl}/stacks`,
      'Press Ctrl+C to stop.',
      `C66_SANDBOX_READY ${JSON.stringify(ready)}`,
      '',
    ].join('\n'),
  );
  const stop = (signal: NodeJS.Signals) => {
    process.stdout.write(`c66-sandbox: ${signal}, shutting down\n`);
    sb.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const PROFILE_NOTE = {
  documented: "exactly the fields of Cloud 66's examples; --profile full adds the Go client's",
  full: 'the documented fields plus every one only the Go client knows',
} as const;

main().catch((error: unknown) => {
  process.stderr.write(`c66-sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
