/**
 * Light variation of a real transcript, so a corpus larger than the real
 * ones stays realistic text without being byte-identical copies: the copy
 * gets a new name, and drops a few of its paragraphs (which ones depends on
 * the copy number). Pure.
 */

/** The name of copy `n` of `file`: `dir/name.md` → `dir/name-copy3.md`. */
export function copyName(file: string, n: number): string {
  const dot = file.lastIndexOf('.');
  return dot > file.lastIndexOf('/') ? `${file.slice(0, dot)}-copy${n}${file.slice(dot)}` : `${file}-copy${n}`;
}

/**
 * Copy `n` (1, 2, …) of a transcript's text: front matter kept (its title
 * suffixed), and one body paragraph in every 5 to 11 left out. The first and
 * last paragraphs always stay.
 */
export function varyTranscript(text: string, n: number): string {
  const fm = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  const head = fm
    ? fm[0].replace(
        /^title:\s*(['"]?)(.*?)\1\s*$/m,
        (_, _q, title) => `title: ${JSON.stringify(`${title} (copy ${n})`)}`,
      )
    : '';
  const paragraphs = text.slice(head ? fm?.[0].length : 0).split(/\n\s*\n/);
  const every = 5 + (n % 7);
  const kept = paragraphs.filter((_, i) => i === 0 || i === paragraphs.length - 1 || i % every !== n % every);
  return head + kept.join('\n\n');
}
