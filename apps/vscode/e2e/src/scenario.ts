import { beforeAll, it } from 'vitest';
import type { Harness } from './harness.js';

/** Scenarios this run cannot meaningfully perform, with why: listed, never run or counted. */
const notApplicable: string[] = [];

/**
 * A test that drives the shared workbench: starts from a closed quick input, saves a
 * screenshot named after it when it passes, and a screenshot plus the logs' tails when
 * it fails. With `notApplicable` (a reason), it is not registered at all (so it can neither
 * pass nor count as skipped) but printed as `n/a: <name> (<reason>)`.
 */
export function scenario(
  name: string,
  harness: () => Harness,
  run: () => Promise<void>,
  notApplicableBecause?: string,
): void {
  if (notApplicableBecause !== undefined) {
    if (notApplicable.length === 0) {
      beforeAll(() => {
        for (const line of notApplicable) console.log(line);
      });
    }
    notApplicable.push(`n/a: ${name} (${notApplicableBecause})`);
    return;
  }
  it(name, async () => {
    const h = harness();
    try {
      // A scenario that failed may have left a quick input or menu open.
      await h.workbench.closeOverlays();
      await run();
    } catch (error) {
      console.error(`scenario "${name}" failed:\n${await h.reportFailure(slug(name))}`);
      throw error;
    }
    await h.screenshot(slug(name));
  });
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
