// Paging by key, never by offset (docs/ARCHITECTURE.md, "Storage"): an offset walks and discards every
// earlier row and shifts when rows are added; a key cursor starts exactly where the last page ended.
import Dexie, { cmp, type IndexableType, type Table } from 'dexie';

export interface PageCursor {
  /** Index key of the last row of the previous page. */
  key: IndexableType;
  /** Its primary key: breaks ties when several rows share an index key. */
  id: string;
}

export interface PageRequest {
  /** Index name as declared in the schema: 'at', '[status+arrivedAt]' … (not multi-entry). */
  index: string;
  limit: number;
  /** Only rows whose compound key starts with these values (e.g. ['onSite'] on '[status+arrivedAt]'). */
  prefix?: IndexableType[];
  after?: PageCursor;
  reverse?: boolean;
  includeDeleted?: boolean;
}

export interface Page<T> {
  items: T[];
  /** Pass back as `after` for the next page; absent on the last page. */
  next?: PageCursor;
}

export function indexKeyPath(index: string): string | string[] {
  return index.startsWith('[') ? index.slice(1, -1).split('+') : index;
}

export function indexKeyOf(row: object, index: string): IndexableType {
  const path = indexKeyPath(index);
  const record = row as Record<string, IndexableType>;
  return Array.isArray(path) ? (path.map((p) => record[p]!) as IndexableType) : record[path]!;
}

function bounds(prefix: IndexableType[] | undefined): [IndexableType, IndexableType] {
  // A shorter array sorts before every longer one it prefixes, and maxKey ([[]]) after any scalar, so
  // [...prefix] .. [...prefix, maxKey] spans exactly the rows under the prefix.
  if (!prefix || prefix.length === 0) return [Dexie.minKey, Dexie.maxKey];
  return [[...prefix] as IndexableType, [...prefix, Dexie.maxKey] as IndexableType];
}

export async function keyPage<T extends { id: string; deletedAt?: number | undefined }>(table: Table<T, string>, request: PageRequest): Promise<Page<T>> {
  const [lower, upper] = bounds(request.prefix);
  const { after, reverse = false } = request;
  let collection = after
    ? reverse
      ? table.where(request.index).between(lower, after.key, true, true)
      : table.where(request.index).between(after.key, upper, true, true)
    : table.where(request.index).between(lower, upper, true, true);
  if (reverse) collection = collection.reverse();
  // Rows sharing the cursor's index key come in primary-key order (reversed when reading backwards).
  const rows = await collection
    .filter((row) => {
      if (!request.includeDeleted && row.deletedAt !== undefined) return false;
      if (!after || cmp(indexKeyOf(row, request.index), after.key) !== 0) return true;
      return reverse ? row.id < after.id : row.id > after.id;
    })
    .limit(request.limit + 1)
    .toArray();
  const items = rows.slice(0, request.limit);
  const last = items[items.length - 1];
  return rows.length > request.limit && last ? { items, next: { key: indexKeyOf(last, request.index), id: last.id } } : { items };
}
