/**
 * The ingest's permanent-id step: the new parse of the archive is reconciled
 * with the permalink record (scripts/core/permalinks/reconcile.ts), against
 * the versions last published, read back from the content folder. It gives
 * the transcripts their permanent turn and exchange ids before anything is
 * written, and returns the record the content writer saves last.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Archive } from '../core/ingest-archive.ts';
import { reconcile } from '../core/permalinks/reconcile.ts';
import type { PermalinkRecord } from '../core/permalinks/record.ts';
import { type Transcript, TranscriptSchema } from '../core/schema.ts';
import { parseMdxRecord } from '../core/to-mdx.ts';
import { type RecordBefore, readRecordToRewrite } from '../lib/permalink-record-fs.ts';

/**
 * The versions published before of the transcripts parsed this run (by their
 * slug, or the slug their source had), and of those whose source vanished,
 * read back from the content folder: what reconciliation aligns the new turns
 * with, and recognises a renamed file by.
 */
async function previousVersions(
  dir: string,
  archive: Archive,
  record: PermalinkRecord,
  sourceFiles: ReadonlySet<string>,
): Promise<Map<string, Transcript>> {
  const bySource = new Map(Object.entries(record.transcripts).map(([slug, r]) => [r.source, slug]));
  const vanished = Object.entries(record.transcripts)
    .filter(([, r]) => r.status === 'live' && !sourceFiles.has(r.source))
    .map(([slug]) => slug);
  const out = new Map<string, Transcript>();
  const wanted = [...archive.transcripts.flatMap((t) => [t.slug, bySource.get(t.source.file)]), ...vanished];
  for (const slug of new Set(wanted)) {
    if (!slug) continue;
    const text = await readFile(join(dir, 'transcripts', `${slug}.mdx`), 'utf8').catch(() => undefined);
    const parsed = TranscriptSchema.safeParse(text === undefined ? undefined : parseMdxRecord(text)?.data);
    if (parsed.success) out.set(slug, parsed.data);
  }
  return out;
}

/**
 * Gives the archive's transcripts their permanent ids (in place) and returns
 * the permalink record they make, with the record file it was made from
 * (when the ingest wrote that file: see `RecordBefore`); nothing is written.
 */
export async function reconcileIds(
  dir: string,
  archive: Archive,
  sourceFiles: readonly string[],
  today: string,
): Promise<{ record: PermalinkRecord; before?: RecordBefore }> {
  const { record, before } = await readRecordToRewrite(dir);
  const sources = new Set(sourceFiles);
  const next = reconcile({
    archive,
    record,
    previous: await previousVersions(dir, archive, record, sources),
    sources,
    today,
  });
  return before ? { record: next, before } : { record: next };
}
