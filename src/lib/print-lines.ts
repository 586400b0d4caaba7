/**
 * What a printout of a transcript says under its title: how to cite it, and
 * its permanent address. A page only has an absolute address when the build
 * was given the site's (`--site`); otherwise the printout says so instead of
 * printing a bare path as if it were one.
 */
import { type CiteTarget, cite } from '../../scripts/core/cite.ts';

export interface PrintLines {
  citation: string;
  address: string;
  /** Said when the address is only a path on the archive's site. */
  note?: string;
}

export function printLines(target: CiteTarget): PrintLines {
  const absolute = /^https?:\/\//.test(target.url);
  return {
    citation: cite(target, 'apa'),
    address: target.url,
    ...(absolute
      ? {}
      : { note: 'a path on the site that publishes this archive (the build was given no site address).' }),
  };
}
