import { describe, expect, it } from 'vitest';
import { BackupPartsError } from '../errors/index.js';
import { fixedSuffix, orderParts, splitSuffix } from './part-order.js';

const part = (suffix: string) => ({ id: `tar-${suffix}`, name: `db.tar-${suffix}` });
const shuffle = <T>(items: T[]) =>
  [...items].reverse().sort((a, b) => (String(a) < String(b) ? 1 : -1));

describe('orderParts', () => {
  it('keeps a single file as is', () => {
    const file = { id: 'tar', name: 'db.tar' };
    expect(orderParts([file])).toEqual({ name: 'db.tar', parts: [file] });
  });

  it('orders parts by suffix and names the joined file without it', () => {
    const ordered = orderParts([part('ac'), part('aa'), part('ab')]);
    expect(ordered.name).toBe('db.tar');
    expect(ordered.parts.map((p) => p.id)).toEqual(['tar-aa', 'tar-ab', 'tar-ac']);
  });

  it('orders more than 26 parts (az before ba)', () => {
    const suffixes = Array.from({ length: 60 }, (_, i) => fixedSuffix(i, 2));
    const ordered = orderParts(shuffle(suffixes).map(part));
    expect(ordered.parts.map((p) => p.id.slice(4))).toEqual(suffixes);
    expect(suffixes.slice(25, 27)).toEqual(['az', 'ba']);
  });

  it("follows GNU split's growing suffixes past yz", () => {
    expect([
      splitSuffix(0, 2),
      splitSuffix(649, 2),
      splitSuffix(650, 2),
      splitSuffix(651, 2),
    ]).toEqual(['aa', 'yz', 'zaaa', 'zaab']);
    const suffixes = Array.from({ length: 655 }, (_, i) => splitSuffix(i, 2));
    const ordered = orderParts(shuffle(suffixes).map(part));
    expect(ordered.parts.map((p) => p.id.slice(4))).toEqual(suffixes);
  });

  it('refuses a missing part, naming it', () => {
    expect(() => orderParts([part('aa'), part('ab'), part('ad')])).toThrow(/-ac is missing/);
  });

  it('refuses a list without the first part', () => {
    expect(() => orderParts([part('ab'), part('ac')])).toThrow(/-aa is missing/);
  });

  it('refuses parts of different files and stray files', () => {
    expect(() => orderParts([part('aa'), { id: 'tar-ab', name: 'other.tar-ab' }])).toThrow(
      BackupPartsError,
    );
    expect(() => orderParts([part('aa'), { id: 'log', name: 'db.log' }])).toThrow(
      /not named like a part/,
    );
  });

  it('refuses a backup without files', () => {
    expect(() => orderParts([])).toThrow(/no files/);
  });
});
