/**
 * Speakers' names as citation styles write them. A person's name is split
 * into a family name and given names: the registry's `familyName` when it
 * has one, else the last word. A name written family name first (`Qi
 * Yanjun`, with `familyName: Qi`) is not inverted where a style writes such
 * names as they are (MLA, Chicago), and is for APA (`Qi, Y.`). An
 * organisation is written as it is, everywhere.
 */
import type { Speaker } from './schema.ts';

export interface CiteName {
  name: string;
  kind: Speaker['kind'];
  familyName?: string;
}

interface Parts {
  family: string;
  given: string;
  /** The name already starts with the family name. */
  familyFirst: boolean;
}

export function nameParts(n: CiteName): Parts | undefined {
  if (n.kind !== 'person') return undefined;
  const name = n.name.trim();
  const family = n.familyName?.trim();
  if (family && name.startsWith(`${family} `)) {
    return { family, given: name.slice(family.length).trim(), familyFirst: true };
  }
  if (family && name.endsWith(` ${family}`)) {
    return { family, given: name.slice(0, -family.length).trim(), familyFirst: false };
  }
  const words = name.split(/\s+/);
  if (words.length < 2) return undefined;
  return { family: words.at(-1) as string, given: words.slice(0, -1).join(' '), familyFirst: false };
}

/** `Yanjun` → `Y.`; `Jean-Paul` → `J.-P.`; `Mary Ann` → `M. A.` */
function initials(given: string): string {
  return given
    .split(/\s+/)
    .map((w) =>
      w
        .split('-')
        .map((part) => `${[...part][0] ?? ''}.`)
        .join('-'),
    )
    .join(' ');
}

/** APA: `Qi, Y.`; an organisation or a one-word name as it is. */
export function apaName(n: CiteName): string {
  const p = nameParts(n);
  return p ? `${p.family}, ${initials(p.given)}` : n.name;
}

/** MLA and Chicago bibliography, first author: `Russinovich, Mark`; `Qi Yanjun` as it is. */
export function invertedName(n: CiteName): string {
  const p = nameParts(n);
  return p && !p.familyFirst ? `${p.family}, ${p.given}` : n.name;
}

/** BibTeX, RIS and CSL: family and given names, or one literal name. */
export function structuredName(n: CiteName): { family: string; given: string } | { literal: string } {
  const p = nameParts(n);
  return p ? { family: p.family, given: p.given } : { literal: n.name };
}

/** The name an in-text citation uses: the family name, or an organisation's whole name. */
export function shortName(n: CiteName): string {
  return nameParts(n)?.family ?? n.name;
}

/** `A`, `A and B`, `A, B, and C` (`&` for APA). */
export function listNames(names: readonly string[], and = 'and'): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length === 2) return `${names[0]}${and === '&' ? ', &' : ` ${and}`} ${names[1]}`;
  return `${names.slice(0, -1).join(', ')}, ${and} ${names.at(-1)}`;
}
