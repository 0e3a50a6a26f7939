import type { Locator, Page } from 'playwright-core';
import { waitFor } from './wait-for.js';

/** Generous: the machine is shared and code-server loads a whole editor into the page. */
export const UI_TIMEOUT_MS = 60_000;

/**
 * The VS Code workbench in the page, driven as a person would: clicks, the keyboard,
 * the command palette and quick inputs. Selectors are the workbench's own DOM classes.
 */
export class Workbench {
  constructor(readonly page: Page) {
    page.setDefaultTimeout(UI_TIMEOUT_MS);
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

  /** F1, the command's title, Enter: exactly what a person types in the palette. */
  async runCommand(title: string): Promise<void> {
    await this.closeQuickInput();
    await this.page.locator('.monaco-workbench').press('F1');
    const input = await this.quickInputBox();
    await input.fill(`>${title}`);
    const first = this.quickInputRows().first();
    await waitFor(`"${title}" first in the command palette`, async () => {
      const label = (await first.getAttribute('aria-label').catch(() => null)) ?? '';
      return label.startsWith(title);
    });
    await input.press('Enter');
  }

  /** The quick input's text box once it is open (palette, input box, save dialog). */
  async quickInputBox(): Promise<Locator> {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    return input;
  }

  quickInputRows(): Locator {
    return this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  }

  /** Title or prompt text the quick input currently shows. */
  async quickInputText(): Promise<string> {
    const widget = this.page.locator('.quick-input-widget');
    await widget.waitFor({ state: 'visible' });
    return ((await widget.textContent()) ?? '').trim();
  }

  /** Types into an open input box and presses Enter (the text may be a secret: never logged). */
  async answerInputBox(text: string): Promise<void> {
    const input = await this.quickInputBox();
    await input.click();
    await this.page.keyboard.type(text);
    await input.press('Enter');
  }

  /** Picks the quick-pick row whose label starts with `label`. */
  async pick(label: string): Promise<void> {
    await this.quickInputBox();
    const row = this.quickInputRows().filter({
      has: this.page.locator('.label-name', { hasText: label }),
    });
    await row.first().click();
  }

  async closeQuickInput(): Promise<void> {
    const widget = this.page.locator('.quick-input-widget');
    if (await widget.isVisible()) {
      await this.page.keyboard.press('Escape');
      await widget.waitFor({ state: 'hidden' });
    }
  }

  /** Visible notification toasts' messages. */
  async notifications(): Promise<string[]> {
    return this.page
      .locator('.notifications-toasts .notification-list-item-message')
      .allInnerTexts();
  }

  /** Waits for a toast whose message matches, and returns it. */
  async waitForNotification(message: RegExp, timeoutMs = UI_TIMEOUT_MS): Promise<Locator> {
    const toast = this.page
      .locator('.notifications-toasts .notification-toast')
      .filter({ has: this.page.locator('.notification-list-item-message', { hasText: message }) });
    await toast.first().waitFor({ state: 'visible', timeout: timeoutMs });
    return toast.first();
  }

  /** Clicks an entry of the open context menu (rendered in a shadow root; CSS pierces it). */
  async chooseMenuItem(label: string): Promise<void> {
    const item = this.page
      .locator('.monaco-menu .action-item a.action-menu-item')
      .filter({ has: this.page.locator('.action-label', { hasText: label }) });
    await item.first().click();
  }
}
