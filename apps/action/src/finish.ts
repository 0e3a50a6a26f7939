import type { ActionLog } from './logging.js';
import { setOutputs } from './outputs.js';
import type { Report } from './report.js';
import { writeSummary } from './summary.js';
import type { Toolkit } from './toolkit.js';

/**
 * Ends every run the same way: outputs set and summary written (even on failure, with what
 * is known), the report's notes logged, then the step failed when `failure` is given.
 */
export async function finish(
  toolkit: Toolkit,
  log: ActionLog,
  report: Report,
  failure?: string,
): Promise<Report> {
  setOutputs(toolkit, report);
  try {
    await writeSummary(toolkit.summary, report);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log.warning(`Could not write the job summary: ${reason}`);
  }
  if (report.outcome === 'queued') for (const note of report.notes) log.info(note);
  if (report.outcome === 'cancelled' || report.outcome === 'timed-out') {
    for (const note of report.notes) log.warning(note);
  }
  if (failure !== undefined) log.fail(failure);
  return report;
}
