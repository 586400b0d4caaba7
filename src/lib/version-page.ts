/**
 * What the pages of a transcript in several languages need: the view of the
 * page's language, the language switcher's links (each with where every turn
 * of this page is on the other page), and the rows of the side-by-side view.
 * Pure: derived from the transcript record.
 */

import type { Transcript, Turn } from '../../scripts/core/schema.ts';
import type { PairKind } from '../../scripts/core/versions/align-versions.ts';
import { alignWithOriginal, languageName, sameLanguage } from '../../scripts/core/versions/attach-versions.ts';
import { turnMap, type VersionView, versionPages, versionView } from '../../scripts/core/versions/version-view.ts';

/** The page of a transcript in `language` (the original's when undefined), from its whole record. */
export function pageView(whole: Transcript, language?: string): VersionView {
  const view = versionView(whole, language);
  if (!view) throw new Error(`transcript \`${whole.slug}\` has no version in \`${language}\``);
  return view;
}

/** A language's name in itself (`中文`, `English`), as a reader of it would look for it. */
export function autonym(language: string): string {
  return languageName(language, language);
}

export interface SwitcherLink {
  language: string;
  /** In the language itself. */
  name: string;
  page: string;
  current: boolean;
  /** This page's turn id → that page's turn id. */
  turns: Record<string, string>;
}

/** The switcher's links of the page `view`: every language of the transcript, the original first. */
export function switcherLinks(t: Transcript, view: VersionView): SwitcherLink[] {
  return versionPages(t).map((v) => ({
    language: v.language,
    name: autonym(v.language),
    page: v.page,
    current: v.language === view.language,
    turns: Object.fromEntries(turnMap(t, view.language, v.language)),
  }));
}

/** "In case of discrepancy, the Chinese version prevails", when one does. */
export function prevailsNote(t: Pick<Transcript, 'prevails' | 'versions' | 'language'>): string | undefined {
  if (!t.prevails) return undefined;
  const languages = [t.language, ...t.versions.map((v) => v.language)];
  const name = languageName(t.prevails);
  const published = languages.some((l) => sameLanguage(l, t.prevails ?? ''));
  return `Where the versions differ, the ${name} version prevails${published ? '' : ' (it is not in this archive)'}.`;
}

/** A row of the side-by-side view: an original turn and its translation, or one of them alone. */
export interface ParallelRow {
  /** The row's anchor: the original turn's id, or the version turn's (`v-t7`) when it has no original. */
  id: string;
  kind: PairKind;
  original?: Turn;
  version?: Turn;
}

/** The rows of the original beside the version in `language`: one per original turn, split parts in one row. */
export function parallelRows(t: Transcript, language: string): ParallelRow[] {
  const version = t.versions.find((v) => v.language === language);
  if (!version) return [];
  const originalTurn = new Map(t.turns.map((turn) => [turn.id, turn]));
  const versionTurn = new Map(version.turns.map((turn) => [turn.id, turn]));
  const rows: ParallelRow[] = [];
  for (const pair of alignWithOriginal(t, version).pairs) {
    const original = pair.original ? originalTurn.get(pair.original) : undefined;
    const turn = pair.version ? versionTurn.get(pair.version) : undefined;
    // A split's second part and a merge's second original share the row of their first.
    if (pair.kind === 'split' || pair.kind === 'merged') {
      const host = rows.findLast((r) => r.original?.id === pair.original || r.version?.id === pair.version);
      if (host) {
        const extra = pair.kind === 'split' ? turn : original;
        if (extra) {
          const key = pair.kind === 'split' ? 'version' : 'original';
          const merged = host[key];
          if (merged) host[key] = { ...merged, paragraphs: [...merged.paragraphs, ...extra.paragraphs] };
          host.kind = pair.kind;
        }
        continue;
      }
    }
    rows.push({
      id: original?.id ?? `v-${turn?.id ?? rows.length}`,
      kind: pair.kind,
      ...(original ? { original } : {}),
      ...(turn ? { version: turn } : {}),
    });
  }
  return rows;
}
