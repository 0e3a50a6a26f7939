import type { Locator, Page } from 'playwright-core';
import { QuickInput } from './quick-input.js';
import { waitFor } from './wait-for.js';

/** Generous: the machine is shared and code-server loads a whole editor into the page. */
export const UI_TIMEOUT_MS = 60_000;

/**
 * The VS Code workbench in the page, driven as a person would: clicks, the keyboard,
 * the command palette and quick inputs. Selectors are the workbench's own DOM classes.
 */
export class Workbench {
  readonly quickInput: QuickInput;

  constructor(readonly page: Page) {
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    this.quickInput = new QuickInput(page);
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.locator('.monaco-workbench').waitFor();
    await this.page.locator('.part.activitybar').waitFor();
  }

  /** Clicks the activity-bar entry whose title starts with `title` (e.g. "Cloud 66"). */
  async openActivity(title: string): Promise<void> {
    const item = this.page.locator(`.part.activitybar a.action-label[aria-label^="${title}"]`);
    await item.click();
    await this.page.locator('.part.sidebar').waitFor();
  }

  /** Drags the sash between the side bar and the editor so the side bar is `width` px wide. */
  async resizeSideBar(width: number): Promise<void> {
    const sidebar = this.page.locator('.part.sidebar');
    const box = await sidebar.boundingBox();
    if (!box) throw new Error('the side bar is not shown');
    const y = box.y + box.height / 2;
    const edge = box.x + box.width;
    await this.page.mouse.move(edge, y);
    await this.page.mouse.down();
    await this.page.mouse.move(edge + (width - box.width) / 2, y, { steps: 5 });
    await this.page.mouse.move(box.x + width, y, { steps: 5 });
    await this.page.mouse.up();
  }

  /** Clicks an action in the side bar's title (e.g. "Refresh", "Collapse All"). */
  async clickViewAction(label: string): Promise<void> {
    await this.page
      .locator(`.part.sidebar .title-actions a.action-label[aria-label^="${label}"]`)
      .click();
  }

  /** F1, the command's title, Enter: exactly what a person types in the palette. */
  async runCommand(title: string): Promise<void> {
    await this.closeOverlays();
    await this.page.locator('.monaco-workbench').press('F1');
    const input = await this.quickInput.box();
    await input.fill(`>${title}`);
    const first = this.quickInput.rows().first();
    await waitFor(`"${title}" first in the command palette`, async () => {
      const label = (await first.getAttribute('aria-label').catch(() => null)) ?? '';
      return label.startsWith(title);
    });
    await input.press('Enter');
  }

  /** Closes whatever context menu or quick input (palette, input box, dialog) is open. */
  async closeOverlays(): Promise<void> {
    const menu = this.page.locator('.context-view .monaco-menu');
    if (await menu.isVisible()) {
      await this.page.keyboard.press('Escape');
      await menu.waitFor({ state: 'hidden' });
    }
    await this.quickInput.close();
  }

  /** Waits for a toast whose message matches, and returns it. */
  async waitForNotification(message: RegExp, timeoutMs = UI_TIMEOUT_MS): Promise<Locator> {
    const toast = this.page
      .locator('.notifications-toasts .notification-toast')
      .filter({ has: this.page.locator('.notification-list-item-message', { hasText: message }) });
    await toast.first().waitFor({ state: 'visible', timeout: timeoutMs });
    return toast.first();
  }

  /** Right-clicks `target` and clicks the context-menu entry labelled `label`. */
  async contextMenu(target: Locator, label: string): Promise<void> {
    const menu = this.page.locator('.context-view .monaco-menu');
    // The menu ignores a click that comes right after it opened (so the right-button
    // release cannot pick an entry): hover first, and click again if the menu stayed.
    await target.click({ button: 'right' });
    await menu.waitFor({ state: 'visible' });
    const item = menu
      .locator('.action-item a.action-menu-item')
      .filter({ has: this.page.locator('.action-label', { hasText: label }) })
      .first();
    await item.hover();
    await waitFor(`the context menu to run "${label}"`, async () => {
      if (!(await menu.isVisible())) return true;
      await item.click({ timeout: 2_000 }).catch(() => undefined);
      return menu.waitFor({ state: 'hidden', timeout: 1_000 }).then(
        () => true,
        () => false,
      );
    });
  }
}
