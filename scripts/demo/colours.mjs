// The demo's output: bold and dim on a terminal, plain text when piped (tests, logs).
const color = process.stdout.isTTY;

export const bold = (text) => (color ? `\x1b[1m${text}\x1b[22m` : text);
export const dim = (text) => (color ? `\x1b[2m${text}\x1b[22m` : text);
export const say = (text = '') => process.stdout.write(`${text}\n`);

/** Indents every line of a child's output under the step that ran it. */
export const indent = (text) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
