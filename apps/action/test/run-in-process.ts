import {
  profileFromEnv,
  type Sandbox,
  type SandboxOptions,
  startSandbox,
} from '@c66-backup/sandbox';
import { run } from '../src/main.js';
import { fakeTime } from './fake-time.js';
import { RecordingToolkit } from './recording-toolkit.js';

let sandbox: Sandbox | undefined;

/**
 * A sandbox in the profile this test project runs (vitest.config.ts runs every file once per
 * profile through `C66_SANDBOX_PROFILE`); `closeSandbox` (in `afterEach`) stops it.
 */
export async function sandboxWith(options: SandboxOptions = {}): Promise<Sandbox> {
  const profile = profileFromEnv();
  sandbox = await startSandbox({ port: 0, profile, backupDelayMs: 50, ...options });
  return sandbox;
}

export async function closeSandbox(): Promise<void> {
  await sandbox?.close();
  sandbox = undefined;
}

/** The `INPUT_*` environment the runner would give the action. */
export function envFor(sb: Sandbox, inputs: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  const all = { 'api-token': sb.token, 'api-url': sb.apiUrl, ...inputs };
  for (const [name, value] of Object.entries(all)) env[`INPUT_${name.toUpperCase()}`] = value;
  return env;
}

/** Runs the action in-process with a recording toolkit, a fake clock and its own signal. */
export async function runWith(
  sb: Sandbox,
  inputs: Record<string, string>,
  controller = new AbortController(),
  realMsPerSleep = 0,
) {
  const toolkit = new RecordingToolkit();
  const time = fakeTime();
  const sleep: typeof time.sleep = async (ms, signal) => {
    if (realMsPerSleep > 0) await new Promise((resolve) => setTimeout(resolve, realMsPerSleep));
    return time.sleep(ms, signal);
  };
  const report = await run({
    env: envFor(sb, inputs),
    toolkit,
    signal: controller.signal,
    now: time.now,
    sleep,
    heartbeatMs: 60_000,
  });
  return { report, toolkit, time };
}
