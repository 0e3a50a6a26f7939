/** What the Marketplace or VS Code would object to in a packaged extension; empty when fine. */
export function marketplaceProblems(
  manifest: unknown,
  entries: ReadonlyMap<string, { bytes?: Buffer; text?: string }>,
): string[];
