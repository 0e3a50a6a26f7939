// How the GitHub Actions runner shows a step's log: the demo renders the action's output so.
import { bold } from './colours.mjs';

/**
 * A line renderer for runStep: `::add-mask::` values hidden, `::debug::` lines dropped,
 * groups as headings, annotations as `Error:` / `Warning:` / `Notice:` lines.
 */
export function runnerLog() {
  const masks = [];
  return (line) => {
    const command = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(line);
    const masked = (text) => masks.reduce((t, secret) => t.split(secret).join('***'), text);
    if (!command) return masked(line);
    const [, name, value] = command;
    if (name === 'add-mask') {
      if (value) masks.push(value);
      return undefined;
    }
    if (name === 'group') return bold(`> ${masked(value)}`);
    if (name === 'error') return `Error: ${masked(value)}`;
    if (name === 'warning') return `Warning: ${masked(value)}`;
    if (name === 'notice') return `Notice: ${masked(value)}`;
    return undefined; // endgroup, debug, and anything else the runner keeps out of the log
  };
}
