// Prints the rows `{ measure, value, detail }` the sections produced, as one table.
import { cpus } from 'node:os';

export function printTable(rows, notes) {
  const w1 = Math.max(...rows.map((r) => r.measure.length));
  const w2 = Math.max(...rows.map((r) => r.value.length));
  console.log(
    `\nDownload benchmark (sandbox on loopback, node ${process.version}, ${cpus().length} cores, ${new Date().toISOString()})\n`,
  );
  console.log(`${'measure'.padEnd(w1)}  ${'value'.padStart(w2)}  detail`);
  console.log(`${'-'.repeat(w1)}  ${'-'.repeat(w2)}  ${'-'.repeat(40)}`);
  for (const r of rows) {
    if (r.section) console.log(`\n${r.section}`);
    else console.log(`${r.measure.padEnd(w1)}  ${r.value.padStart(w2)}  ${r.detail}`);
  }
  for (const n of notes) console.log(`\nnote: ${n}`);
  console.log('');
}

/** A heading row between sections. */
export const heading = (section) => ({ section, measure: '', value: '' });
