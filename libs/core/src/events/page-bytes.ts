/**
 * What one page of a list may weigh, about: its rows' text as stored plus `ROW_BYTES` each. The
 * answer's JSON can be larger only where text needs escaping (a control character takes 6 bytes).
 */
export const LIST_PAGE_BYTES = 1024 * 1024;

/** A row's fields of bounded size (ids, times, statuses) and the names of all its fields. */
const ROW_BYTES = 1024;

/** A row's id and the bytes of its text as stored, as the database returns them. */
export interface RowSize {
  id: number | string;
  bytes: number | string;
}

/**
 * The ids, in the order given, of the rows a page holds: the first, whatever its size, so that
 * paging always moves on, then each next row while the page stays within `LIST_PAGE_BYTES`.
 */
export function rowsWithinPage(sizes: readonly RowSize[]): number[] {
  const ids: number[] = [];
  let pageBytes = 0;
  for (const size of sizes) {
    pageBytes += ROW_BYTES + Number(size.bytes);
    if (ids.length > 0 && pageBytes > LIST_PAGE_BYTES) break;
    ids.push(Number(size.id));
  }
  return ids;
}
