/** One column of a streamed table: rows are printed as they arrive, so widths are fixed. */
export interface Column<T> {
  header: string;
  width: number;
  align?: 'left' | 'right';
  value: (row: T) => string;
}

/**
 * Writes a header, then one aligned line per `row()` call. A value longer than its
 * column pushes the rest of that line right rather than being cut: nothing is hidden.
 */
export class TableWriter<T> {
  private headerWritten = false;

  constructor(
    private readonly columns: readonly Column<T>[],
    private readonly write: (line: string) => void,
  ) {}

  row(row: T): void {
    if (!this.headerWritten) {
      this.headerWritten = true;
      this.write(this.format(this.columns.map((c) => c.header)));
    }
    this.write(this.format(this.columns.map((c) => c.value(row))));
  }

  get rowsWritten(): boolean {
    return this.headerWritten;
  }

  private format(cells: string[]): string {
    const last = cells.length - 1;
    return cells
      .map((cell, i) => {
        const column = this.columns[i];
        if (!column) return cell;
        if (column.align === 'right') return cell.padStart(column.width);
        return i === last ? cell : cell.padEnd(column.width);
      })
      .join('  ')
      .trimEnd();
  }
}
