/** A search page's passage as the search page's script reads it from the passage index. */
import type { PageData } from '../../src/lib/search-hits.ts';
import { recordData, type SearchRecord } from '../../src/lib/search-record.ts';
import { pageAddress } from '../../src/lib/search-versions.ts';

/** The passage of a search page: its address (from its path), its metadata, its text and its filters. */
export function asFound(page: { path: string; record: SearchRecord }): PageData {
  return recordData(page.record, pageAddress(page.path));
}
