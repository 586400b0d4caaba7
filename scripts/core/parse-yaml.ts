/**
 * Reads a YAML file against a zod schema and reports every failure as a
 * problem at `file:line`, with the field's path (`topics.2.terms: …`).
 */
import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type Problem, type ProblemCode, problem } from './problems.ts';

export function parseYamlWith<S extends z.ZodType>(
  schema: S,
  text: string,
  file: string,
  code: ProblemCode,
): { value: z.infer<S> } | { problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) =>
        problem(code, file, `invalid YAML: ${e.message.split('\n')[0]}`, lineCounter.linePos(e.pos[0]).line),
      ),
    };
  }
  const data: unknown = doc.toJS() ?? {};
  const parsed = schema.safeParse(data);
  if (parsed.success) return { value: parsed.data };
  return {
    problems: parsed.error.issues.map((issue) => {
      const path = issue.path.map(String);
      const node = nodeAt(doc, path);
      const line = node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
      const where = path.length > 0 ? `${path.join('.')}: ` : '';
      return problem(code, file, `${where}${issue.message}`, line);
    }),
  };
}

/** The deepest node that exists along `path`, for the line of an error. */
function nodeAt(
  doc: ReturnType<typeof parseDocument>,
  path: string[],
): { range?: [number, number, number] | null } | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const keys = path.slice(0, depth).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
    const node = depth === 0 ? doc.contents : doc.getIn(keys, true);
    if (isNode(node)) return node;
  }
  return undefined;
}
