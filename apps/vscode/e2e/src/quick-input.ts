import type { Locator, Page } from 'playwright-core';
import { waitFor } from './wait-for.js';

/**
 * The workbench's quick input: the command palette, input boxes, quick picks, and
 * code-server's save dialog (a quick input holding a path).
 */
export class QuickInput {
  readonly widget: Locator;

  constructor(private readonly page: Page) {
    this.widget = page.locator('.quick-input-widget');
  }

  /** The quick input's text box once it is open (palette, input box, save dialog). */
  async box(): Promise<Locator> {
    const input = this.widget.locator('.quick-input-box input');
    await input.waitFor({ state: 'visible' });
    return input;
  }

  /** The rows of the open quick pick (or palette). */
  rows(): Locator {
    return this.widget.locator('.quick-input-list .monaco-list-row');
  }

  /** Title or prompt text the quick input currently shows. */
  async text(): Promise<string> {
    await this.widget.waitFor({ state: 'visible' });
    return ((await this.widget.textContent()) ?? '').trim();
  }

  /** Types into an open input box and presses Enter (the text may be a secret: never logged). */
  async answer(text: string): Promise<void> {
    const input = await this.box();
    await input.click();
    await this.page.keyboard.type(text);
    await input.press('Enter');
  }

  /**
   * Answers code-server's save dialog (a quick input holding a path): types `path`, then
   * presses OK. The dialog ignores OK while it is still listing the folder just typed,
   * so OK is pressed again until the dialog closes.
   */
  async answerSaveDialog(path: string): Promise<void> {
    const input = await this.box();
    await input.fill(path);
    const ok = this.widget.locator('.monaco-button', { hasText: /^OK$/ });
    await waitFor('the save dialog to accept the path', async () => {
      if (!(await this.widget.isVisible())) return true;
      if ((await input.inputValue()) !== path) await input.fill(path);
      await ok.click({ timeout: 2_000 }).catch(() => undefined);
      return this.widget.waitFor({ state: 'hidden', timeout: 2_000 }).then(
        () => true,
        () => false,
      );
    });
  }

  /** Ticks each labelled row of a multi-select quick pick (a click on the row), then OK. */
  async pickMany(labels: string[]): Promise<void> {
    await this.box();
    for (const label of labels) {
      const row = this.rows()
        .and(this.page.locator(`[aria-label="${label}"]`))
        .first();
      await row.click();
      await waitFor(
        `"${label}" ticked`,
        async () => (await row.getAttribute('aria-checked')) === 'true',
      );
    }
    await this.accept();
  }

  /** Enter in the quick input: accepts what is picked (or typed). */
  async accept(): Promise<void> {
    const input = await this.box();
    await input.press('Enter');
  }

  /** Escape, if a quick input is open. */
  async close(): Promise<void> {
    if (await this.widget.isVisible()) {
      await this.page.keyboard.press('Escape');
      await this.widget.waitFor({ state: 'hidden' });
    }
  }
}
