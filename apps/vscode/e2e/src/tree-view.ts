import type { Locator, Page } from 'playwright-core';
import { waitFor } from './wait-for.js';
import { UI_TIMEOUT_MS } from './workbench.js';

/** One row of a tree as the workbench renders it. */
export interface TreeRow {
  index: number;
  level: number;
  label: string;
  description: string;
  expanded: boolean | undefined;
  /** Position among its siblings and their count, from the row's ARIA attributes. */
  position: number;
  siblings: number;
  /** The codicon shown as the item's icon, e.g. `codicon-pass`. */
  icon: string;
}

/** A row by its exact label, a label pattern, or any test of the row (for duplicate labels). */
export type RowMatch = string | RegExp | ((row: TreeRow) => boolean);

function matcher(match: RowMatch): (row: TreeRow) => boolean {
  if (typeof match === 'string') return (row) => row.label === match;
  if (match instanceof RegExp) return (row) => match.test(row.label);
  return match;
}

function describeMatch(match: RowMatch): string {
  return typeof match === 'function' ? '(a row matching a test)' : String(match);
}

/**
 * A contributed tree view in the side bar. The workbench renders only the rows in sight,
 * so reading the whole tree scrolls through it with the mouse wheel.
 */
export class TreeView {
  readonly root: Locator;

  constructor(private readonly page: Page) {
    this.root = page.locator('.part.sidebar .customview-tree');
  }

  rowsInSight(): Locator {
    return this.root.locator('.monaco-list-row');
  }

  /** The first row that matches (a label: exactly that label), scrolled into sight. */
  async row(label: RowMatch, timeoutMs = UI_TIMEOUT_MS): Promise<Locator> {
    const matches = matcher(label);
    let found: number | undefined;
    await waitFor(
      `tree row ${describeMatch(label)}`,
      async () => {
        const rows = await this.allRows();
        found = rows.find(matches)?.index;
        return found !== undefined;
      },
      { timeoutMs },
    );
    return this.scrollTo(found as number);
  }

  /** Every row of the tree (expanded children included), top to bottom. */
  async allRows(): Promise<TreeRow[]> {
    const seen = new Map<number, TreeRow>();
    await this.scrollToTop();
    let unchanged = 0;
    while (unchanged < 2) {
      const before = seen.size;
      for (const row of await this.readRowsInSight()) seen.set(row.index, row);
      unchanged = seen.size === before ? unchanged + 1 : 0;
      if (unchanged < 2) await this.wheel(300);
    }
    return [...seen.values()].sort((a, b) => a.index - b.index);
  }

  /** Clicks the row's twistie if it is collapsed and waits until its children are in. */
  async expand(label: RowMatch): Promise<void> {
    const row = await this.row(label);
    if ((await row.getAttribute('aria-expanded')) === 'false') {
      await row.locator('.monaco-tl-twistie').click();
    }
    await waitFor(`${describeMatch(label)} expanded and loaded`, async () => {
      const twistie = row.locator('.monaco-tl-twistie');
      const loading = /codicon-tree-item-loading/.test((await twistie.getAttribute('class')) ?? '');
      return !loading && (await row.getAttribute('aria-expanded')) === 'true';
    });
  }

  /** The direct children of the first row that matches, in order. */
  async childrenOf(label: RowMatch): Promise<TreeRow[]> {
    const rows = await this.allRows();
    const start = rows.findIndex(matcher(label));
    if (start < 0) throw new Error(`no tree row ${describeMatch(label)}`);
    const parent = rows[start] as TreeRow;
    const children: TreeRow[] = [];
    for (const row of rows.slice(start + 1)) {
      if (row.level <= parent.level) break;
      if (row.level === parent.level + 1) children.push(row);
    }
    return children;
  }

  /** Scrolls until the first row sits at the top of the view. */
  async scrollToTop(): Promise<void> {
    await waitFor('the tree scrolled to the top', async () => {
      const atTop = await this.root.evaluate((root) => {
        if (root.querySelector('.monaco-list-row') === null) return true; // nothing to scroll
        const first = root.querySelector('.monaco-list-row[data-index="0"]');
        return (
          first !== null &&
          first.getBoundingClientRect().top >= root.getBoundingClientRect().top - 1
        );
      });
      if (!atTop) await this.wheel(-5_000);
      return atTop;
    });
  }

  private async scrollTo(index: number): Promise<Locator> {
    const locator = this.root.locator(`.monaco-list-row[data-index="${index}"]`);
    await this.scrollToTop();
    for (let step = 0; step < 200 && !(await locator.isVisible()); step++) {
      await this.wheel(200);
    }
    await locator.scrollIntoViewIfNeeded();
    return locator;
  }

  private async wheel(deltaY: number): Promise<void> {
    await this.root.hover({ position: { x: 20, y: 20 } });
    await this.page.mouse.wheel(0, deltaY);
    // Let the list render the rows now in sight (two frames: scroll, then layout).
    await this.page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
  }

  private readRowsInSight(): Promise<TreeRow[]> {
    return this.rowsInSight().evaluateAll((elements) =>
      // No named helpers in here: the function runs in the page, where bundler helpers
      // (e.g. esbuild's __name) do not exist.
      elements.map((el) => {
        const expanded = el.getAttribute('aria-expanded');
        const icon = el.querySelector('.custom-view-tree-node-item-icon');
        return {
          index: Number(el.getAttribute('data-index')),
          level: Number(el.getAttribute('aria-level')),
          label: el.querySelector('.label-name')?.textContent?.trim() ?? '',
          description: el.querySelector('.label-description')?.textContent?.trim() ?? '',
          expanded: expanded === null ? undefined : expanded === 'true',
          position: Number(el.getAttribute('aria-posinset')),
          siblings: Number(el.getAttribute('aria-setsize')),
          icon: Array.from(icon?.classList ?? []).find((c) => c.startsWith('codicon-')) ?? '',
        };
      }),
    );
  }
}
