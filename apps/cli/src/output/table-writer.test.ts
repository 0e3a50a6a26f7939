import { describe, expect, it } from 'vitest';
import { type Column, TableWriter } from './table-writer.js';

describe('TableWriter', () => {
  type Row = { id: number; name: string; note: string };
  const columns: Column<Row>[] = [
    { header: 'ID', width: 4, align: 'right', value: (r) => String(r.id) },
    { header: 'NAME', width: 6, value: (r) => r.name },
    { header: 'NOTE', width: 0, value: (r) => r.note },
  ];

  it('writes the header before the first row only, aligned', () => {
    const lines: string[] = [];
    const table = new TableWriter(columns, (line) => lines.push(line));
    expect(table.rowsWritten).toBe(false);
    table.row({ id: 1, name: 'ab', note: 'x' });
    table.row({ id: 123, name: 'abcdef', note: '' });
    expect(lines).toEqual(['  ID  NAME    NOTE', '   1  ab      x', ' 123  abcdef']);
    expect(table.rowsWritten).toBe(true);
  });

  it('lets a long value push the line rather than cutting it', () => {
    const lines: string[] = [];
    new TableWriter(columns, (line) => lines.push(line)).row({
      id: 1,
      name: 'abcdefgh',
      note: 'n',
    });
    expect(lines[1]).toBe('   1  abcdefgh  n');
  });
});
