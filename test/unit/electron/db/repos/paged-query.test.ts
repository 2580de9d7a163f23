import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { containsPattern, createPagedQuery, escapeLike, likeAnyColumn } from '../../../../../electron/db/repos/paged-query';

/** A small table: the helper's paging, sorting and both keyword forms must agree with a plain filter in JS. */
const sqlite = new Database(':memory:');
sqlite.exec('CREATE TABLE things (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL); CREATE INDEX things_name ON things (name);');
const NAMES = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', '50%_off', 'back\\slash'];
const rows = Array.from({ length: 137 }, (_, i) => ({ id: `id${String(i).padStart(3, '0')}`, name: `${NAMES[i % NAMES.length]}-${i}`, kind: i % 3 === 0 ? 'x' : 'y' }));
const insert = sqlite.prepare('INSERT INTO things VALUES (?, ?, ?)');
for (const row of rows) insert.run(row.id, row.name, row.kind);
afterAll(() => sqlite.close());

function query(denseAbove: number) {
  return createPagedQuery<{ id: string; name: string }, 'name' | 'kind'>(sqlite, {
    table: 'things t',
    select: 't.id, t.name',
    sortColumns: { name: 't.name', kind: 't.kind' },
    sortIndexes: { name: 'things_name' },
    defaultSort: { column: 'name', direction: 'asc' },
    tieBreaker: 't.id',
    keyword: (k) => ({ ...likeAnyColumn(['t.name'], k), dense: likeAnyColumn(['t.name', 't.name'], k).selective }),
    mapRow: (raw) => ({ id: raw.id as string, name: raw.name as string }),
    denseAbove,
  });
}

describe('the paged keyword query', () => {
  it('serves the seed footer figures: 20 a page, the total and the page count; a page past the end is the last', () => {
    const page = query(2000)({ search: '', page: 1, pageSize: 20, sort: null });
    expect([page.total, page.pageCount, page.rows.length]).toEqual([137, 7, 20]);
    const last = query(2000)({ search: '', page: 99, pageSize: 20, sort: null });
    expect([last.page, last.rows.length]).toEqual([7, 17]);
    expect(query(2000)({ search: 'nothing-like-this', page: 3, pageSize: 50, sort: null })).toEqual({ rows: [], total: 0, page: 1, pageSize: 50, pageCount: 1 });
  });

  it('matches % _ and \\ literally', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
    expect(containsPattern('a_b')).toBe('%a\\_b%');
    expect(query(2000)({ search: '%_', page: 1, pageSize: 100, sort: null }).total).toBe(rows.filter((r) => r.name.includes('%_')).length);
    expect(query(2000)({ search: '\\', page: 1, pageSize: 100, sort: null }).total).toBe(rows.filter((r) => r.name.includes('\\')).length);
  });

  it('gives the same pages through the selective and the dense form, in any sort', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('', 'a', 'et', 'eta-1', 'ALPHA', '1', 'zz'),
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom(20, 50, 100),
        fc.constantFrom<null | { column: 'name' | 'kind'; direction: 'asc' | 'desc' }>(null, { column: 'name', direction: 'desc' }, { column: 'kind', direction: 'asc' }),
        (search, page, pageSize, sort) => {
          const request = { search, page, pageSize: pageSize as 20 | 50 | 100, sort };
          const selective = query(10_000)(request);
          const dense = query(0)(request);
          expect(dense).toEqual(selective);
          const expected = rows.filter((r) => r.name.toLowerCase().includes(search.toLowerCase()));
          expect(selective.total).toBe(expected.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
