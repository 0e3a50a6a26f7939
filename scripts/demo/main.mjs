#!/usr/bin/env node
// The README's main job, end to end, without a Cloud 66 account:
//   1. start the API sandbox (a local Cloud 66 simulator),
//   2. list a stack's backups with the CLI,
//   3. run the GitHub Action bundle exactly as a workflow step would: it creates a backup,
//      waits for it and writes `backup-id` to the step outputs file; then run it again, as
//      the next deploy would, and see it reuse that backup (`reuse-within: 6h`),
//   4. download that backup with the CLI and show the file and the checks it passed.
// This file is the scenario; the folder beside it holds the parts (processes, the runner
// emulation, checks, colours). It builds nothing: `pnpm demo` builds first, then runs it.
// Pass --keep to keep the downloaded file.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { actionStep, showOutputs } from './action-step.mjs';
import { bins, checkBuilt } from './built.mjs';
import { expectBackupId, expectDownloaded, expectReused } from './checks.mjs';
import { bold, dim, say } from './colours.mjs';
import { DemoError } from './demo-error.mjs';
import { runStep } from './run-step.mjs';
import { startSandbox, stopSandbox } from './sandbox-process.mjs';

const STACK = 'blog';
const DB_TYPE = 'postgresql';
const keep = process.argv.includes('--keep');

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
    await runStep(
      'listing backups',
      bins.cli,
      ['backups', 'list', '--stack', STACK, '--limit', '3'],
      cliEnv,
    );
    say();

    say(bold('3. Back up before a deploy: the GitHub Action, run as a workflow step'));
    say(dim(`    uses: ./   with: stack: ${STACK}, db-type: ${DB_TYPE}, reuse-within: 6h`));
    const step = (name) => actionStep(name, sb, work, { stack: STACK, dbType: DB_TYPE });
    const outputs = await step('the GitHub Action step');
    const backupId = expectBackupId(outputs);
    showOutputs(outputs);
    say();

    say(bold('   The next deploy, minutes later: the same step reuses that backup'));
    const again = await step('the second GitHub Action step');
    expectReused(again, backupId);
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
    const { stdout } = await runStep(
      'the download',
      bins.cli,
      ['backups', 'download', '--stack', STACK, '--id', backupId, '-o', downloads, '--json'],
      cliEnv,
      { echoStdout: false },
    );
    const result = JSON.parse(stdout);
    await expectDownloaded(result);
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
