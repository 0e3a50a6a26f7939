import { isInsecureApiUrl, UnauthenticatedError } from '@c66-backup/core';
import { describeError } from '../describe-error.js';
import { VIEW_ID } from '../ids.js';
import type { CommandContext } from './command-context.js';

/**
 * Asks for a personal access token, checks it with one request, and only then stores it
 * in SecretStorage (never in settings). Returns whether the user ended up signed in.
 */
export async function signIn({ deps, session }: CommandContext): Promise<boolean> {
  const { ui } = deps;
  const input = await ui.showInputBox({
    title: 'Cloud 66: Sign in',
    prompt: 'Paste a Cloud 66 personal access token (Account Settings → Access Tokens).',
    placeHolder: 'personal access token',
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' ? 'Enter a token' : undefined),
  });
  const token = input?.trim();
  if (!token) return false;
  const apiUrl = deps.settings.apiUrl();
  if (isInsecureApiUrl(apiUrl)) {
    const send = 'Send over http';
    const choice = await ui.showWarningMessage(
      `c66Backup.apiUrl (${apiUrl}) is plain http to another machine: the token would travel unencrypted.`,
      send,
    );
    if (choice !== send) return false;
  }
  try {
    await ui.withProgress({ location: { viewId: VIEW_ID }, title: 'Checking the token…' }, () =>
      session.clientFor(token).stacks.list().page(1),
    );
  } catch (error) {
    const message =
      error instanceof UnauthenticatedError
        ? 'Cloud 66 rejected this token. Nothing was saved.'
        : `Could not check the token: ${describeError(error)}. Nothing was saved.`;
    void ui.showErrorMessage(message);
    return false;
  }
  await session.signIn(token);
  return true;
}
