import { type Client, resolveStack, type Stack } from '@c66-backup/core';
import type { Command } from 'commander';

/** The `--stack` and `--environment` options shared by the `backups` commands. */
export interface StackOptions {
  stack: string;
  environment?: string;
}

export function addStackOptions(command: Command): Command {
  return command
    .requiredOption(
      '-s, --stack <uid|name>',
      'stack UID, or name (add --environment when names repeat)',
    )
    .option('-e, --environment <env>', 'environment of the named stack (production, staging, ...)');
}

/** Resolves the stack through the core: an unknown or ambiguous name lists the candidates. */
export function stackFrom(client: Client, options: StackOptions): Promise<Stack> {
  return resolveStack(client, { stack: options.stack, environment: options.environment });
}
