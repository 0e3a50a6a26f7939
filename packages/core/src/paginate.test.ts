import { describe, expect, it, vi } from 'vitest';
import { apiRequests, sandboxClient, useSandbox } from '../test/sandbox.js';
import { AbortedError } from './index.js';
import type { ListChange } from './list-change.js';
import { type Page, paginate } from './paginate.js';

const sandbox = useSandbox();

describe('list iteration against the sandbox', () => {
  for (const count of [0, 30, 31, 10_000]) {
    // 10,000 backups are 334 real HTTP requests: 10-20 s on a loaded 2-core CI machine, past
    // the file's 20 s default. Only the walk's result is under test here, not its speed
    // (`pnpm bench pagination` measures that), so the big walk gets room.
    const timeout = count > 1000 ? 120_000 : undefined;
    it(`walks ${count} backups: all of them, once each, newest first, one request per page`, {
      timeout,
    }, async () => {
      const sb = sandbox();
      const stack = sb.createStack({ name: `edge-${count}`, dbTypes: ['mysql'], backups: count });
      sb.clearRequests();
      const { client } = sandboxClient(sb);
      const ids: number[] = [];
      for await (const backup of client.backups.list(stack.uid)) ids.push(backup.id);
      expect(ids).toHaveLength(count);
      expect(new Set(ids).size).toBe(count);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      const pages = apiRequests(sb, `/stacks/${stack.uid}/backups`).map((r) =>
        Number(r.query.page),
      );
      const expected = Math.max(1, Math.ceil(count / 30));
      expect(pages.sort((a, b) => a - b)).toEqual(
        Array.from({ length: expected }, (_, i) => i + 1),
      );
    });
  }

  it('pages({ concurrency: 1 }) is strictly lazy', async () => {
    const sb = sandbox();
    const stack = sb.createStack({ name: 'lazy', dbTypes: ['redis'], backups: 100 });
    sb.clearRequests();
    const { client } = sandboxClient(sb);
    const seen: number[] = [];
    for await (const page of client.backups.list(stack.uid).pages({ concurrency: 1 })) {
      seen.push(page.page);
      expect(apiRequests(sb, `/stacks/${stack.uid}/backups`)).toHaveLength(page.page);
      expect(page).toMatchObject({ pages: 4, count: 100 });
    }
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  it('keeps at most `concurrency` page requests in flight (seen from the server)', async () => {
    const sb = sandbox();
    const stack = sb.createStack({ name: 'bounded', dbTypes: ['mysql'], backups: 600 });
    const latency = 100;
    sb.faults.inject({
      route: 'backups.list',
      kind: 'latency',
      ms: latency,
      times: Number.POSITIVE_INFINITY,
      match: { stackUid: stack.uid },
    });
    sb.clearRequests();
    const { client } = sandboxClient(sb);
    const items = await client.backups.list(stack.uid, { concurrency: 3 }).toArray();
    sb.faults.clear();
    expect(items).toHaveLength(600);
    // Each answer takes >= latency, so a slot frees at the earliest `latency` after its
    // request arrived: any window shorter than that holds at most `concurrency` arrivals.
    const arrivals = apiRequests(sb, `/stacks/${stack.uid}/backups`).map((r) => r.at);
    const inWindow = arrivals.map(
      (t) => arrivals.filter((u) => u > t - (latency - 10) && u <= t).length,
    );
    expect(Math.max(...inWindow)).toBeLessThanOrEqual(3);
    expect(Math.max(...inWindow)).toBeGreaterThanOrEqual(2);
  });

  it('toArray({ limit }) fetches only the pages it needs', async () => {
    const sb = sandbox();
    const stack = sb.createStack({ name: 'limited', dbTypes: ['mysql'], backups: 300 });
    sb.clearRequests();
    const { client } = sandboxClient(sb);
    const items = await client.backups.list(stack.uid).toArray({ limit: 45 });
    expect(items).toHaveLength(45);
    expect(apiRequests(sb, `/stacks/${stack.uid}/backups`)).toHaveLength(2);
    expect(await client.backups.list(stack.uid).toArray({ limit: 0 })).toEqual([]);
    expect(apiRequests(sb, `/stacks/${stack.uid}/backups`)).toHaveLength(2);
  });

  it('break cancels the page requests still in flight', async () => {
    const sb = sandbox();
    const stack = sb.createStack({ name: 'break', dbTypes: ['mysql'], backups: 300 });
    const { client, events } = sandboxClient(sb);
    const first = await client.backups.list(stack.uid).page(1);
    events.length = 0;
    sb.faults.inject({
      route: 'backups.list',
      kind: 'latency',
      ms: 400,
      times: Number.POSITIVE_INFINITY,
      match: { stackUid: stack.uid },
    });
    let seen = 0;
    for await (const backup of client.backups.list(stack.uid, { concurrency: 4 })) {
      expect(backup.id).toBe(first.items[0]?.id);
      seen++;
      break;
    }
    expect(seen).toBe(1);
    // Page 1 answered; pages 2..5 were requested ahead: cancelled, they end without a status
    // (left alone, they would have answered 200 after the injected latency).
    await vi.waitFor(() => expect(events).toHaveLength(5), { timeout: 5000 });
    expect(events.filter((e) => e.status === 200)).toHaveLength(1);
    expect(events.filter((e) => e.status === undefined)).toHaveLength(4);
    sb.faults.clear();
  });

  it("the caller's signal aborts an iteration with AbortedError", async () => {
    const sb = sandbox();
    const stack = sb.createStack({ name: 'abort', dbTypes: ['mysql'], backups: 90 });
    const { client } = sandboxClient(sb);
    const controller = new AbortController();
    const seen: number[] = [];
    const walk = async () => {
      for await (const backup of client.backups.list(stack.uid, { signal: controller.signal })) {
        seen.push(backup.id);
        if (seen.length === 31) controller.abort();
      }
    };
    await expect(walk()).rejects.toThrow(AbortedError);
    expect(seen).toHaveLength(31);
  });
});

/** An in-memory list of `total` numbers, 30 a page; `tweak` bends a page's pagination. */
function source(
  total: number,
  options: { tweak?: (page: Page<number>) => Page<number>; delay?: (n: number) => number } = {},
) {
  const requested: number[] = [];
  let active = 0;
  let maxActive = 0;
  const pages = Math.max(1, Math.ceil(total / 30));
  const fetchPage = async (n: number): Promise<Page<number>> => {
    requested.push(n);
    active++;
    maxActive = Math.max(maxActive, active);
    await new Promise((resolve) => setTimeout(resolve, options.delay?.(n) ?? 1));
    active--;
    const items = Array.from({ length: 30 }, (_, i) => (n - 1) * 30 + i).filter((i) => i < total);
    const page = { items, page: n, pages, next: n < pages ? n + 1 : null, count: total };
    return options.tweak ? options.tweak(page) : page;
  };
  return { fetchPage, requested, maxActive: () => maxActive };
}

describe('paginate (scheduling and stop rules)', () => {
  it('never has more than `concurrency` pages in flight, and yields in order', async () => {
    for (const concurrency of [1, 2, 4, 7]) {
      // Later pages answer faster, so answers arrive out of order.
      const s = source(30 * 40, { delay: (n) => 40 - n });
      const items = await paginate(s.fetchPage, { concurrency }).toArray();
      expect(items).toEqual(Array.from({ length: 1200 }, (_, i) => i));
      expect(s.maxActive()).toBe(concurrency);
      expect(new Set(s.requested).size).toBe(s.requested.length);
    }
  });

  it('stops when next is not greater than the current page', async () => {
    const s = source(300, { tweak: (p) => (p.page === 3 ? { ...p, next: 3 } : p) });
    const pages = [];
    for await (const page of paginate(s.fetchPage, { concurrency: 1 }).pages())
      pages.push(page.page);
    expect(pages).toEqual([1, 2, 3]);
  });

  it('stops on a repeated page (the server answers page 1 again)', async () => {
    const s = source(300, { tweak: (p) => (p.page === 3 ? { ...p, page: 1, next: 2 } : p) });
    const items = await paginate(s.fetchPage, { concurrency: 1 }).toArray();
    expect(items).toHaveLength(60);
  });

  it('never goes past `pages`, even when next says so', async () => {
    const s = source(90, { tweak: (p) => ({ ...p, next: p.page + 1 }) });
    const items = await paginate(s.fetchPage).toArray();
    expect(items).toHaveLength(90);
    expect(Math.max(...s.requested)).toBe(3);
  });

  it('follows a next that skips pages', async () => {
    const s = source(300, { tweak: (p) => (p.page === 2 ? { ...p, next: 5 } : p) });
    const pages = [];
    for await (const page of paginate(s.fetchPage, { concurrency: 3 }).pages())
      pages.push(page.page);
    expect(pages).toEqual([1, 2, 5, 6, 7, 8, 9, 10]);
  });

  it("surfaces a prefetched page's failure only when the walk reaches it", async () => {
    const failing = source(300);
    const fetchPage = (n: number) =>
      n === 3 ? Promise.reject(new Error('page 3 broke')) : failing.fetchPage(n);
    const seen: number[] = [];
    const walk = async () => {
      for await (const item of paginate(fetchPage, { concurrency: 4 })) seen.push(item);
    };
    await expect(walk()).rejects.toThrow('page 3 broke');
    expect(seen).toEqual(Array.from({ length: 60 }, (_, i) => i));
  });

  it('rejects a bad concurrency or page number', async () => {
    const s = source(30);
    expect(() => paginate(s.fetchPage).pages({ concurrency: 0 })).toThrow(/concurrency/);
    await expect(paginate(s.fetchPage).page(0)).rejects.toThrow(/page must be/);
  });
});

describe('paginate (live lists)', () => {
  it('says when the server stops paging before the count it announced', async () => {
    // 300 announced, but page 2 claims to be the last.
    const s = source(300, { tweak: (p) => (p.page === 2 ? { ...p, next: null } : p) });
    const changes: ListChange[] = [];
    const items = await paginate(s.fetchPage, {
      concurrency: 1,
      onListChange: (c) => changes.push(c),
    }).toArray();
    expect(items).toHaveLength(60);
    expect(changes).toEqual([{ kind: 'ended-early', page: 2, expected: 300, received: 60 }]);
    const pages = [];
    for await (const page of paginate(s.fetchPage, { concurrency: 1 }).pages()) pages.push(page);
    expect(pages.at(-1)?.change).toMatchObject({ kind: 'ended-early', received: 60 });
  });

  it('page(n) walks are told the same, on the last page', async () => {
    const s = source(100, { tweak: (p) => (p.page === 3 ? { ...p, next: null } : p) });
    const list = paginate(s.fetchPage);
    await list.page(1);
    await list.page(2);
    expect((await list.page(3)).change).toEqual({
      kind: 'ended-early',
      page: 3,
      expected: 100,
      received: 90,
    });
  });

  it('a limit or a break is not an early end', async () => {
    const s = source(300);
    const changes: ListChange[] = [];
    await paginate(s.fetchPage, { onListChange: (c) => changes.push(c) }).toArray({ limit: 45 });
    expect(changes).toEqual([]);
  });

  it('recovers items pushed back more than a whole page (40 removed from page 1)', async () => {
    let items = Array.from({ length: 200 }, (_, i) => i);
    let served = 0;
    const fetchPage = async (n: number): Promise<Page<number>> => {
      const pages = Math.max(1, Math.ceil(items.length / 30));
      const page = {
        items: items.slice((n - 1) * 30, n * 30),
        page: n,
        pages,
        next: n < pages ? n + 1 : null,
        count: items.length,
      };
      if (++served === 2) items = items.filter((i) => i < 20 || i >= 60); // after page 2
      return page;
    };
    const changes: ListChange[] = [];
    const got = await paginate(fetchPage, {
      concurrency: 1,
      onListChange: (c) => changes.push(c),
    }).toArray();
    expect(new Set(got).size).toBe(got.length);
    const survivors = items;
    expect(survivors.filter((i) => !got.includes(i))).toEqual([]);
    expect(changes[0]).toMatchObject({ kind: 'shifted', page: 3, countBefore: 200, countNow: 160 });
  });
});
