/**
 * Links into the search page that browse turns by filters alone: a chart's
 * bar for "this speaker on this topic" leads to exactly those turns.
 */
import type { FilterName } from './search-state.ts';

/** `/search/?speaker=Qi%20Yanjun&topic=Interpol`: the turns matching every filter, no query. */
export function filteredTurns(filters: Partial<Record<FilterName, string>>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) params.append(name, value);
  return `/search/?${params.toString().replace(/\+/g, '%20')}`;
}
