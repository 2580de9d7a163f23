import { z } from 'zod';

/**
 * The list request and response every library grid uses (meters, prices; customers, users and roles later). The
 * search runs in main over all rows, never as a filter of the loaded page. Paging is 20, 50 or 100 rows, as the seed's
 * grid offers; the footer reads "Displaying 1 to 20 of 39 items" and "Page 1 of 2".
 */
export const PAGE_SIZES = [20, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 20;

export const SortDirection = z.enum(['asc', 'desc']);
export type SortDirection = z.infer<typeof SortDirection>;

export const PageSizeSchema = z.union([z.literal(20), z.literal(50), z.literal(100)], { error: 'the page size is 20, 50 or 100' });

/** The request of `<library>.list`: a keyword, a page (from 1), a page size and an optional sort by one column. */
export function listRequest<const K extends readonly [string, ...string[]]>(sortColumns: K) {
  return z
    .object({
      search: z.string().max(100, 'the keyword is at most 100 characters').default(''),
      page: z.number().int().min(1).max(1_000_000).default(1),
      pageSize: PageSizeSchema.default(DEFAULT_PAGE_SIZE),
      sort: z.object({ column: z.enum(sortColumns), direction: SortDirection }).nullable().default(null),
    })
    .strict();
}

/**
 * The request of a library whose rows are deactivated rather than deleted (customers, districts, stations, accounts):
 * the same request plus `showInactive` (the grid's "Show inactive" toggle). Inactive rows are left out unless asked for.
 */
export function listRequestWithInactive<const K extends readonly [string, ...string[]]>(sortColumns: K) {
  return listRequest(sortColumns).extend({ showInactive: z.boolean().default(false) });
}

export type ListRequest<K extends string = string> = {
  search: string;
  page: number;
  pageSize: PageSize;
  sort: { column: K; direction: SortDirection } | null;
  /** Only in libraries that keep inactive rows (listRequestWithInactive); absent means false. */
  showInactive?: boolean;
};

/** The response: the rows of the page actually served (a page past the end is served as the last page). */
export function listResponse<T extends z.ZodType>(row: T) {
  return z.object({
    rows: z.array(row),
    total: z.number().int().nonnegative(),
    page: z.number().int().min(1),
    pageSize: PageSizeSchema,
    pageCount: z.number().int().min(1),
  });
}

export type ListResponse<Row> = { rows: Row[]; total: number; page: number; pageSize: PageSize; pageCount: number };

/** Pages for a total; an empty list still has page 1 of 1. */
export function pageCountFor(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** The seed's footer: "Displaying 1 to 20 of 39 items"; an empty list shows "Displaying 0 to 0 of 0 items". */
export function displayingText(page: number, pageSize: number, total: number): string {
  if (total === 0) return 'Displaying 0 to 0 of 0 items';
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return `Displaying ${from} to ${to} of ${total} items`;
}

/** "Page 1 of 2". */
export function pageText(page: number, pageCount: number): string {
  return `Page ${page} of ${pageCount}`;
}
