/**
 * The curated speaker registry (`seeds/speakers.yaml`) as lookup tables:
 * folded names and aliases to speakers, and role titles to who held them when.
 */
import type { RegistryEntry, Role, Speaker } from './schema.ts';
import { foldName, nameSlug } from './slugs.ts';

export interface Registry {
  speakers: Speaker[];
  /** MDX biographies by speaker slug. */
  bios: Map<string, string>;
  byName: Map<string, Speaker>;
  /** Whether `--strict` fails on labels that resolve to nobody. */
  strict: boolean;
}

export const EMPTY_REGISTRY: Registry = { speakers: [], bios: new Map(), byName: new Map(), strict: false };

/** Two registry entries that claim one name or one slug: the first keeps it. */
export interface RegistryClash {
  /** What they both claim: `the name \`Mr. Qi\`` or `the slug \`qi-yanjun\``. */
  what: string;
  first: string;
  second: string;
}

export function buildRegistry(
  entries: readonly RegistryEntry[],
  strict = false,
): Registry & { clashes: RegistryClash[] } {
  const registry: Registry = { speakers: [], bios: new Map(), byName: new Map(), strict };
  const clashes: RegistryClash[] = [];
  const bySlug = new Map<string, Speaker>();
  for (const entry of entries) {
    const slug = entry.slug ?? nameSlug(entry.name);
    const taken = bySlug.get(slug);
    if (taken) {
      clashes.push({ what: `the slug \`${slug}\``, first: taken.name, second: entry.name });
      continue;
    }
    const speaker: Speaker = {
      slug,
      name: entry.name,
      kind: entry.kind,
      ...(entry.shortName ? { shortName: entry.shortName } : {}),
      ...(entry.familyName ? { familyName: entry.familyName } : {}),
      aliases: entry.aliases,
      source: 'registry',
      ...(entry.affiliation ? { affiliation: entry.affiliation } : {}),
      roles: entry.roles,
      links: entry.links,
    };
    registry.speakers.push(speaker);
    bySlug.set(slug, speaker);
    if (entry.bio) registry.bios.set(speaker.slug, entry.bio);
    for (const name of [entry.name, ...(entry.shortName ? [entry.shortName] : []), ...entry.aliases]) {
      const owner = registry.byName.get(foldName(name));
      if (owner && owner !== speaker)
        clashes.push({ what: `the name \`${name}\``, first: owner.name, second: entry.name });
      else registry.byName.set(foldName(name), speaker);
    }
  }
  return { ...registry, clashes };
}

export function registryLookup(registry: Registry, label: string): Speaker | undefined {
  return registry.byName.get(foldName(label));
}

/** Whether a role covers a date; partial dates compare by their own precision (`2024-09` covers `2024-09-05`). */
export function roleCovers(role: Role, date: string): boolean {
  const after = !role.from || date.slice(0, role.from.length) >= role.from;
  const before = !role.to || date.slice(0, role.to.length) <= role.to;
  return after && before;
}

/** The one speaker who held the role named by `label` on `date`; none when no date, or not exactly one. */
export function roleHolder(registry: Registry, label: string, date: string | undefined): Speaker | undefined {
  if (!date) return undefined;
  const title = foldName(label);
  const holders = registry.speakers.filter((s) =>
    s.roles.some((r) => foldName(r.title) === title && roleCovers(r, date)),
  );
  return holders.length === 1 ? holders[0] : undefined;
}

/** The roles a speaker held on a date, for display: "Spokesperson". */
export function rolesOn(speaker: Speaker, date: string | undefined): string[] {
  return speaker.roles.filter((r) => (date ? roleCovers(r, date) : !r.to)).map((r) => r.title);
}
