#!/usr/bin/env node
// The README's main job, end to end, without a Cloud 66 account:
//   1. start the API sandbox (a local Cloud 66 simulator),
//   2. list a stack's backups with the CLI,
//   3. run the GitHub Action bundle exactly as a workflow step would: it creates a backup,
//      waits for it and writes `backup-id` to the step outputs file; then run it again, as
//      the next deploy would, and see it reuse that backup (`reuse-within: 6h`),
//   4. download that backup with the CLI and show the file and the checks it passed.
// It builds nothing: run `pnpm build` first. Pass --keep to keep the downloaded file.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bins = {
  sandbox: path.join(root, 'packages/sandbox/dist/bin.js'),
  action: path.join(root, 'apps/action/dist/index.js'),
  cli: path.join(root, 'apps/cli/dist/c66-backup.js'),
  core: path.join(root, 'packages/core/dist/index.js'),
};
const STACK = 'blog';
const DB_TYPE = 'postgresql';
const keep = process.argv.includes('--keep');

const color = process.stdout.isTTY;
const bold = (text) => (color ? `\x1b[1m${text}\x1b[22m` : text);
const dim = (text) => (color ? `\x1b[2m${text}\x1b[22m` : text);
const say = (text = '') => process.stdout.write(`${text}\n`);
const indent = (text) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');

class DemoError extends Error {}

function checkBuilt() {
  const missing = Object.values(bins).filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new DemoError(
      `not built yet: ${missing.map((f) => path.relative(root, f)).join(', ')} missing.\n` +
        '  Run `pnpm install && pnpm build` first, then `pnpm demo`.',
    );
  }
}

/** Starts the sandbox on a free port and resolves with its READY line's JSON. */
function startSandbox() {
  const child = spawn(
    process.execPath,
    [bins.sandbox, '--port', '0', '--backup-delay', '3s', '--split-threshold', '1MB'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new DemoError('the sandbox did not start within 15 s')),
      15_000,
    );
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      output += chunk;
      const line = output.split('\n').find((l) => l.startsWith('C66_SANDBOX_READY '));
      if (!line) return;
      clearTimeout(timer);
      try {
        resolve(JSON.parse(line.slice('C66_SANDBOX_READY '.length)));
      } catch {
        reject(new DemoError(`the sandbox printed an unreadable READY line: ${line}`));
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      output += chunk;
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(
        new DemoError(`the sandbox exited (code ${code}) before it was ready:\n${indent(output)}`),
      );
    });
  });
  return { child, ready };
}

function stopSandbox(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Runs `node <script> ...args`, echoing its output line by line (through `render`, which
 * may drop or rewrite a line) as it comes; rejects on a non-zero exit.
 */
function run(step, script, args, env, { render = (line) => line, echoStdout = true } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    const lineEcho = () => {
      let pending = '';
      const emit = (line) => {
        const shown = render(line);
        if (shown !== undefined) say(`    ${shown}`);
      };
      return {
        write(chunk) {
          const lines = (pending + chunk).split('\n');
          pending = lines.pop() ?? '';
          for (const line of lines) emit(line);
        },
        end() {
          if (pending) emit(pending);
        },
      };
    };
    const out = lineEcho();
    const err = lineEcho();
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
      if (echoStdout) out.write(chunk);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => err.write(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      out.end();
      err.end();
      if (code === 0) resolve({ stdout });
      else reject(new DemoError(`${step} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

/**
 * Shows an action's log as the Actions runner would: `::add-mask::` values hidden,
 * `::debug::` lines dropped (unless ACTIONS_STEP_DEBUG), groups as headings, annotations
 * as `Error:` / `Warning:` lines.
 */
function runnerLog() {
  const masks = [];
  return (line) => {
    const command = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(line);
    const masked = (text) => masks.reduce((t, secret) => t.split(secret).join('***'), text);
    if (!command) return masked(line);
    const [, name, value] = command;
    if (name === 'add-mask') {
      if (value) masks.push(value);
      return undefined;
    }
    if (name === 'group') return bold(`> ${masked(value)}`);
    if (name === 'error') return `Error: ${masked(value)}`;
    if (name === 'warning') return `Warning: ${masked(value)}`;
    if (name === 'notice') return `Notice: ${masked(value)}`;
    return undefined; // endgroup, debug, and anything else the runner keeps out of the log
  };
}

/** Reads a GITHUB_OUTPUT file: `name=value` lines and `name<<DELIM ... DELIM` blocks. */
function parseGithubOutput(text) {
  const outputs = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]);
      outputs[name] = value.join('\n');
    } else if (line.includes('=')) {
      const at = line.indexOf('=');
      outputs[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return outputs;
}

/** Runs the action bundle as a workflow step with a fresh set of runner files; its outputs. */
async function actionStep(name, sb, work) {
  const files = await mkdtemp(path.join(work, 'step-'));
  const outputFile = path.join(files, 'github_output');
  const summaryFile = path.join(files, 'step_summary.md');
  const stateFile = path.join(files, 'github_state');
  await Promise.all([outputFile, summaryFile, stateFile].map((file) => writeFile(file, '')));
  await run(
    name,
    bins.action,
    [],
    {
      'INPUT_API-TOKEN': sb.token,
      INPUT_STACK: STACK,
      'INPUT_DB-TYPE': DB_TYPE,
      'INPUT_API-URL': sb.apiUrl,
      INPUT_WAIT: 'true',
      'INPUT_TIMEOUT-SECONDS': '120',
      'INPUT_POLL-INTERVAL-SECONDS': '2',
      'INPUT_FAIL-ON-TIMEOUT': 'true',
      'INPUT_REUSE-WITHIN': '6h',
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_STATE: stateFile,
      GITHUB_ACTIONS: 'true',
      RUNNER_TEMP: work,
      GITHUB_RUN_ID: randomUUID(),
    },
    { render: runnerLog() },
  );
  return parseGithubOutput(await readFile(outputFile, 'utf8'));
}

function showOutputs(outputs) {
  say(dim('    step outputs ($GITHUB_OUTPUT):'));
  for (const [name, value] of Object.entries(outputs)) {
    const shown = name === 'backup-id' || name === 'reused' ? bold(value) : value;
    say(`      ${name} = ${shown}`);
  }
}

async function main() {
  checkBuilt();
  const { formatBytes } = await import(pathToFileURL(bins.core).href);
  const work = await mkdtemp(path.join(tmpdir(), 'c66-backup-demo-'));
  say(bold('c66-backup demo: back up a database with the GitHub Action, download it with the CLI'));
  say(dim(`(everything runs against a local Cloud 66 API sandbox; working folder ${work})`));
  say();

  say(bold('1. Start the Cloud 66 API sandbox'));
  const sandbox = startSandbox();
  const stop = () => stopSandbox(sandbox.child);
  process.once('SIGINT', () => {
    say('\ninterrupted: stopping the sandbox');
    stop().then(() => process.exit(130));
  });
  try {
    const sb = await sandbox.ready;
    say(`    listening at ${sb.apiUrl} (a fake token stands in for a Cloud 66 access token)`);
    const cliEnv = { C66_API_URL: sb.apiUrl, C66_TOKEN: sb.token };
    say();

    say(bold(`2. The newest backups of the "${STACK}" stack, with the CLI`));
    say(dim(`    $ c66-backup backups list --stack ${STACK} --limit 3`));
    await run(
      'listing backups',
      bins.cli,
      ['backups', 'list', '--stack', STACK, '--limit', '3'],
      cliEnv,
    );
    say();

    say(bold('3. Back up before a deploy: the GitHub Action, run as a workflow step'));
    say(dim(`    uses: ./   with: stack: ${STACK}, db-type: ${DB_TYPE}, reuse-within: 6h`));
    const step = (name) => actionStep(name, sb, work);
    const outputs = await step('the GitHub Action step');
    const backupId = outputs['backup-id'];
    if (!backupId || !/^\d+$/.test(backupId)) {
      throw new DemoError(
        `the action's outputs have no numeric backup-id (outputs: ${Object.keys(outputs).join(', ') || 'none'})`,
      );
    }
    showOutputs(outputs);
    say();

    say(bold('   The next deploy, minutes later: the same step reuses that backup'));
    const again = await step('the second GitHub Action step');
    if (again.reused !== 'true' || again['backup-id'] !== backupId) {
      throw new DemoError(
        `the second run should have reused backup ${backupId} (reused=${again.reused}, backup-id=${again['backup-id']})`,
      );
    }
    showOutputs(again);
    say();

    say(
      bold(
        `4. Download backup ${backupId} with the CLI (parts joined, checked, written atomically)`,
      ),
    );
    const downloads = path.join(work, 'downloads');
    await mkdir(downloads);
    say(
      dim(
        `    $ c66-backup backups download --stack ${STACK} --id ${backupId} -o ${downloads} --json`,
      ),
    );
    const { stdout } = await run(
      'the download',
      bins.cli,
      ['backups', 'download', '--stack', STACK, '--id', backupId, '-o', downloads, '--json'],
      cliEnv,
      { echoStdout: false },
    );
    const result = JSON.parse(stdout);
    const onDisk = await stat(result.path);
    if (onDisk.size !== result.bytes) {
      throw new DemoError(
        `the CLI reported ${result.bytes} bytes but ${result.path} has ${onDisk.size}`,
      );
    }
    const parts = result.parts.length;
    say();
    say(bold('Done.'));
    say(
      `    backup ${backupId} (${result.db_type}, database ${result.database_name}): ${formatBytes(result.bytes)} (${result.bytes} bytes), checked ${result.verified.join(', ')}` +
        (parts > 1 ? `, joined from ${parts} parts` : ''),
    );
    say(`    ${result.path}`);
  } finally {
    await stop();
    if (!keep) await rm(work, { recursive: true, force: true });
  }
  say(
    dim(
      keep ? `(kept ${work})` : '(sandbox stopped, working folder removed; pass --keep to keep it)',
    ),
  );
}

main().catch((error) => {
  process.stderr.write(
    `\ndemo failed: ${error instanceof DemoError ? error.message : (error?.stack ?? error)}\n`,
  );
  process.exit(1);
});
