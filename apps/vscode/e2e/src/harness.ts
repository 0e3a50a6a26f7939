import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type CodeServer, startCodeServer } from './code-server.js';
import { artifactsDir, toolchain } from './environment.js';
import { packageExtension } from './package-extension.js';
import { TreeView } from './tree-view.js';
import { Workbench } from './workbench.js';

/** Everything a scenario drives: code-server and the page showing it (the API is the Target). */
export interface Harness {
  server: CodeServer;
  page: Page;
  workbench: Workbench;
  tree: TreeView;
  artifacts: string;
  /** Saves `<name>.png` in the artifacts folder: the whole window, or only the side bar. */
  screenshot(name: string, options?: { sideBarOnly?: boolean }): Promise<string>;
  /** Screenshot plus code-server's and the extension host's log tails, for a failed scenario. */
  reportFailure(name: string): Promise<string>;
  close(): Promise<void>;
}

/** The flags from shared/recipes/real-vscode.md, plus QUIC off (no network here). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Settings that keep the workbench quiet and predictable; the API is the target's. */
function userSettings(apiUrl: string): Record<string, unknown> {
  return {
    'c66Backup.apiUrl': apiUrl,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.colorTheme': 'Default Dark Modern',
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'security.workspace.trust.enabled': false,
    'files.simpleDialog.enable': true,
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'window.commandCenter': false,
    'workbench.tree.enableStickyScroll': false,
  };
}

/** code-server with the packaged extension, its `c66Backup.apiUrl` set to `apiUrl`. */
export async function startHarness(apiUrl: string): Promise<Harness> {
  const artifacts = artifactsDir();
  // Screenshots and logs of an earlier run would pass for this one's.
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });
  const tools = toolchain();
  const vsix = await packageExtension();
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startCodeServer({
      tools,
      vsix,
      settings: userSettings(apiUrl),
      logFile: join(artifacts, 'code-server.log'),
    });
    browser = await chromium.launch({ executablePath: tools.chromium, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const workbench = new Workbench(page);
    await workbench.open(server.workbenchUrl);
    return harness(server, browser, page, workbench, artifacts);
  } catch (error) {
    await browser?.close();
    await server?.close();
    throw error;
  }
}

function harness(
  server: CodeServer,
  browser: Browser,
  page: Page,
  workbench: Workbench,
  artifacts: string,
): Harness {
  const screenshot = async (name: string, options: { sideBarOnly?: boolean } = {}) => {
    const path = join(artifacts, `${name}.png`);
    // Park the mouse over the empty editor so no hover or tooltip covers the tree.
    await page.mouse.move(1300, 850);
    const sideBar = options.sideBarOnly ? await page.locator('.part.sidebar').boundingBox() : null;
    // From the window's left edge, so the activity bar (and its Cloud 66 icon) is in it.
    const clip = sideBar
      ? { x: 0, y: sideBar.y, width: sideBar.x + sideBar.width, height: sideBar.height }
      : undefined;
    await page.screenshot({ path, ...(clip ? { clip } : {}) });
    return path;
  };
  return {
    server,
    page,
    workbench,
    tree: new TreeView(page),
    artifacts,
    screenshot,
    async reportFailure(name) {
      const shot = await screenshot(`FAILED-${name}`).catch((e: Error) => `(none: ${e.message})`);
      const exthost = newestExtensionHostLog(server.logsDir);
      if (exthost) copyFileSync(exthost, join(artifacts, `FAILED-${name}-exthost.log`));
      return [
        `screenshot: ${shot}`,
        `code-server log tail:\n${server.logTail(40)}`,
        exthost ? `extension host log: ${join(artifacts, `FAILED-${name}-exthost.log`)}` : '',
      ].join('\n');
    },
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
    },
  };
}

/** The extension host's log (where the extension's errors and its output channel land). */
function newestExtensionHostLog(logsDir: string): string | undefined {
  if (!existsSync(logsDir)) return undefined;
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === 'exthost.log') found.push(path);
    }
  };
  walk(logsDir);
  return found.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}
