/**
 * The stemmer of each language Pagefind stems (Snowball, as Pagefind's own),
 * loaded only when a search needs it: a turn in Spanish is checked with
 * Spanish stems. A language without one is compared word for word.
 */
import { noStem, type Stem } from './search-match.ts';

type Loader = () => Promise<{ stemmer: Stem }>;

const LOADERS: Record<string, Loader> = {
  da: () => import('@orama/stemmers/danish'),
  de: () => import('@orama/stemmers/german'),
  en: () => import('@orama/stemmers/english'),
  es: () => import('@orama/stemmers/spanish'),
  fi: () => import('@orama/stemmers/finnish'),
  fr: () => import('@orama/stemmers/french'),
  it: () => import('@orama/stemmers/italian'),
  nl: () => import('@orama/stemmers/dutch'),
  no: () => import('@orama/stemmers/norwegian'),
  pt: () => import('@orama/stemmers/portuguese'),
  ro: () => import('@orama/stemmers/romanian'),
  ru: () => import('@orama/stemmers/russian'),
  sv: () => import('@orama/stemmers/swedish'),
  tr: () => import('@orama/stemmers/turkish'),
};

const loaded = new Map<string, Promise<Stem>>();

/** The stemmer for a language tag (`pt-BR` uses Portuguese); words as they are when there is none. */
export function stemmerFor(lang: string): Promise<Stem> {
  const base = (lang.split('-')[0] ?? lang).toLowerCase();
  let stem = loaded.get(base);
  if (!stem) {
    const load = LOADERS[base];
    stem = load ? load().then((m) => m.stemmer) : Promise.resolve(noStem);
    loaded.set(base, stem);
  }
  return stem;
}
