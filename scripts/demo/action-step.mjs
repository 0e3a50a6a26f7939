// The GitHub Action bundle run as a workflow step would be: the runner's INPUT_* variables
// and files (outputs, summary, state), its log rendered as the runner shows it.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bins } from './built.mjs';
import { bold, dim, say } from './colours.mjs';
import { parseGithubOutput } from './github-output.mjs';
import { runStep } from './run-step.mjs';
import { runnerLog } from './runner-log.mjs';

/** Runs the action with a fresh set of runner files in `work`; resolves with its outputs. */
export async function actionStep(name, sb, work, { stack, dbType }) {
  const files = await mkdtemp(path.join(work, 'step-'));
  const outputFile = path.join(files, 'github_output');
  const summaryFile = path.join(files, 'step_summary.md');
  const stateFile = path.join(files, 'github_state');
  await Promise.all([outputFile, summaryFile, stateFile].map((file) => writeFile(file, '')));
  await runStep(
    name,
    bins.action,
    [],
    {
      'INPUT_API-TOKEN': sb.token,
      INPUT_STACK: stack,
      'INPUT_DB-TYPE': dbType,
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

/** Prints a step's outputs, the ones the scenario turns on in bold. */
export function showOutputs(outputs) {
  say(dim('    step outputs ($GITHUB_OUTPUT):'));
  for (const [name, value] of Object.entries(outputs)) {
    const shown = name === 'backup-id' || name === 'reused' ? bold(value) : value;
    say(`      ${name} = ${shown}`);
  }
}
