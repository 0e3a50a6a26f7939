import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, documented, keys, stackNamed } from '../../../test/helpers.js';
import { type Sandbox, startSandbox } from '../../index.js';

const STACK_FIELDS = keys(documented('stacks-get').response);

describe('stacks', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ port: 0 });
  });
  afterAll(() => sb.close());

  it('lists the seeded stacks in the documented envelope with exactly the documented fields', async () => {
    const res = await api(sb, '/stacks');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const stacks = res.json.response;
    expect(stacks.length).toBe(sb.stacks().length);
    expect(res.json.count).toBe(stacks.length);
    expect(res.json.pagination).toEqual({
      previous: null,
      next: null,
      current: 1,
      per_page: 30,
      count: stacks.length,
      pages: 1,
    });
    for (const stack of stacks) {
      expect(keys(stack)).toEqual(STACK_FIELDS);
      expect(stack.uid).toMatch(/^[0-9a-f]{32}$/);
      expect(Number.isNaN(Date.parse(stack.created_at_iso))).toBe(false);
    }
  });

  it('has two stacks with the same name in different environments', async () => {
    const res = await api(sb, '/stacks?filter_name=shop');
    const envs = res.json.response.map((s: { environment: string }) => s.environment).sort();
    expect(envs).toEqual(['production', 'staging']);
    const prod = await api(sb, '/stacks?filter_name=shop&filter_environment=production');
    expect(prod.json.response).toHaveLength(1);
    expect(prod.json.response[0].uid).toBe(stackNamed(sb, 'shop').uid);
  });

  it('is deterministic for a seed and different for another', async () => {
    const again = await startSandbox({ port: 0 });
    const other = await startSandbox({ port: 0, seed: 2 });
    try {
      expect(again.stacks()).toEqual(sb.stacks());
      expect(again.token).toBe(sb.token);
      expect(other.stacks()[0]?.uid).not.toBe(sb.stacks()[0]?.uid);
    } finally {
      await again.close();
      await other.close();
    }
  });

  it('gets one stack, with or without the .json suffix', async () => {
    const uid = stackNamed(sb, 'blog').uid;
    const res = await api(sb, `/stacks/${uid}`);
    expect(res.status).toBe(200);
    expect(res.json.response.name).toBe('blog');
    const suffixed = await api(sb, `/stacks/${uid}.json`);
    expect(suffixed.json).toEqual(res.json);
    const list = await api(sb, '/stacks.json');
    expect(list.status).toBe(200);
  });

  it('answers 404 in the error shape for an unknown stack', async () => {
    const res = await api(sb, '/stacks/0123456789abcdef0123456789abcdef');
    expect(res.status).toBe(404);
    expect(res.json).toEqual({
      error: 'not_found',
      error_description: expect.any(String),
      details: 'Stack not found',
    });
  });

  it('pages stacks 30 at a time', async () => {
    const local = await startSandbox({ port: 0 });
    try {
      for (let i = 0; i < 30; i++) local.createStack({ name: `app-${i}` });
      const total = local.stacks().length;
      const page2 = await api(local, '/stacks?page=2');
      expect(page2.json.response).toHaveLength(total - 30);
      expect(page2.json.pagination).toMatchObject({
        previous: 1,
        next: null,
        current: 2,
        pages: 2,
        count: total,
      });
    } finally {
      await local.close();
    }
  });

  it('rejects a malformed page parameter with 400', async () => {
    for (const page of ['0', 'abc', '-1']) {
      const res = await api(sb, `/stacks?page=${page}`);
      expect(res.status).toBe(400);
      expect(res.json.error).toBe('bad_request');
    }
  });
});
