import type { CommandContext } from './command-context.js';

/** Forgets the stored token; this window and every other one return to the welcome view. */
export async function signOut({ deps, session }: CommandContext): Promise<void> {
  await session.signOut();
  void deps.ui.showInformationMessage('Signed out of Cloud 66.');
}
