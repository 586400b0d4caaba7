/**
 * Reads a YAML file against a zod schema and reports every failure as a
 * problem at `file:line`, with the field's path (`topics.2.terms: …`). YAML
 * is parsed with a limit on aliases, so an alias bomb (a few lines that
 * expand to gigabytes) is a problem at its line, not a hung or crashed build;
 * an unknown key is reported with the closest known one (`did you mean …?`).
 */
import { closest, distance } from 'fastest-levenshtein';
import { type Document, isMap, isNode, isScalar, LineCounter, parseDocument, visit } from 'yaml';
import { z } from 'zod';
import { type Problem, type ProblemCode, problem } from './problems.ts';

/**
 * The most alias expansions one YAML file may make (the `yaml` package's
 * `maxAliasCount`): far more than any metadata file needs, far fewer than
 * the nine nested aliases of a "billion laughs" that expand to 10⁹ values.
 */
export const MAX_YAML_ALIASES = 100;

/** The YAML of `text` as a plain value, or problems at `file:line` (syntax, alias bomb). */
export function readYaml(
  text: string,
  file: string,
  code: ProblemCode,
): { data: unknown; doc: Document; lineCounter: LineCounter } | { problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) =>
        problem(code, file, `invalid YAML: ${e.message.split('\n')[0]}`, lineCounter.linePos(e.pos[0]).line),
      ),
    };
  }
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) ?? {}, doc, lineCounter };
  } catch (error) {
    // `toJS` throws a ReferenceError past the alias limit (and for an alias to an anchor not defined yet).
    let line: number | undefined;
    visit(doc, {
      Alias(_key, node) {
        line = node.range ? lineCounter.linePos(node.range[0]).line : undefined;
        return visit.BREAK;
      },
    });
    const why =
      error instanceof Error && /excessive alias/i.test(error.message)
        ? `its aliases (\`*name\`) expand to more than ${MAX_YAML_ALIASES} copies: refused as a resource exhaustion attack`
        : `invalid YAML: ${error instanceof Error ? error.message : String(error)}`;
    return { problems: [problem(code, file, why, line)] };
  }
}

/**
 * @param aliases other names people give each known key (`source_url` for
 *   `source`), for the suggestion after an unknown key.
 */
export function parseYamlWith<S extends z.ZodType>(
  schema: S,
  text: string,
  file: string,
  code: ProblemCode,
  aliases: Readonly<Record<string, readonly string[]>> = {},
): { value: z.infer<S> } | { problems: Problem[] } {
  const read = readYaml(text, file, code);
  if ('problems' in read) return read;
  const { doc, lineCounter } = read;
  const parsed = schema.safeParse(read.data);
  if (parsed.success) return { value: parsed.data };
  return {
    problems: parsed.error.issues.flatMap((issue) => {
      const path = issue.path.map(String);
      const where = path.length > 0 ? `${path.join('.')}: ` : '';
      if (issue.code === 'unrecognized_keys') {
        const known = knownKeys(schema, path);
        return issue.keys.map((key) => {
          const suggestion = closestKey(key, known, aliases);
          const line = keyLine(doc, path, key, lineCounter) ?? lineOf(doc, path, lineCounter);
          const hint = suggestion
            ? `: did you mean \`${suggestion}\`?`
            : known.length > 0
              ? ` (known keys: ${known.join(', ')})`
              : '';
          return problem(code, file, `${where}unknown key \`${key}\`${hint}`, line);
        });
      }
      return [problem(code, file, `${where}${issue.message}`, lineOf(doc, path, lineCounter))];
    }),
  };
}

/**
 * The known key closest to `key`: one whose name or alias is `key` written
 * another way (`sourceUrl`, `source-url` for `source_url`), else the nearest
 * by edit distance, when it is near enough to be a slip (two edits, or a third of a long key).
 */
export function closestKey(
  key: string,
  known: readonly string[],
  aliases: Readonly<Record<string, readonly string[]>> = {},
): string | undefined {
  if (known.length === 0) return undefined;
  const fold = (k: string) => k.toLowerCase().replace(/[-_\s]/g, '');
  const folded = fold(key);
  const byName = known.find((k) => fold(k) === folded || (aliases[k] ?? []).some((a) => fold(a) === folded));
  if (byName) return byName;
  const nearest = closest(folded, known.map(fold));
  const index = known.map(fold).indexOf(nearest);
  return distance(folded, nearest) <= Math.max(2, Math.floor(folded.length / 3)) ? known[index] : undefined;
}

/** The keys the object schema at `path` accepts (array indexes walk into the element schema). */
function knownKeys(schema: z.ZodType, path: readonly string[]): string[] {
  let at: z.ZodType | undefined = schema;
  const unwrap = (s: z.ZodType): z.ZodType => {
    if (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable)
      return unwrap(s.unwrap() as z.ZodType);
    if (s instanceof z.ZodPipe) return unwrap(s.in as z.ZodType);
    return s;
  };
  for (const step of path) {
    if (!at) return [];
    const s: z.ZodType = unwrap(at);
    if (s instanceof z.ZodArray) at = s.element as z.ZodType;
    else if (s instanceof z.ZodObject) at = (s.shape as Record<string, z.ZodType>)[step];
    else return [];
  }
  const s = at ? unwrap(at) : undefined;
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

/** The line of key `key` in the map at `path`. */
function keyLine(doc: Document, path: readonly string[], key: string, lineCounter: LineCounter): number | undefined {
  const map = path.length === 0 ? doc.contents : doc.getIn(keysOf(path), true);
  if (!isMap(map)) return undefined;
  const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  const range = isNode(pair?.key) ? pair.key.range : undefined;
  return range ? lineCounter.linePos(range[0]).line : undefined;
}

const keysOf = (path: readonly string[]) => path.map((k) => (/^\d+$/.test(k) ? Number(k) : k));

/** The line of the deepest node that exists along `path`, for the line of an error. */
function lineOf(doc: Document, path: readonly string[], lineCounter: LineCounter): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(keysOf(path.slice(0, depth)), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}
