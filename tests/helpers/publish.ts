/**
 * Publishes files through the pure ingest and reconciliation, on top of an
 * earlier state, as the ingest does. The earlier record is frozen first:
 * reconciling must leave it as it was (it copies on write), so a change in
 * place throws in every test that publishes through here.
 */
import { ingestArchive, type SourceFile } from '../../scripts/core/ingest-archive.ts';
import { reconcile } from '../../scripts/core/permalinks/reconcile.ts';
import {
  EMPTY_RECORD,
  type PermalinkRecord,
  type RetiredPage,
  RetiredViewSchema,
  retiredPages,
} from '../../scripts/core/permalinks/record.ts';
import type { Transcript } from '../../scripts/core/schema.ts';

const enc = new TextEncoder();

export interface State {
  record: PermalinkRecord;
  /** Every version last published, by slug (as the content folder holds them until the run removes them). */
  previous: Map<string, Transcript>;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export const EMPTY_STATE: State = { record: EMPTY_RECORD, previous: new Map() };

/** Ingests `files` (transcripts and `.yaml` sidecars, by name) on top of `state`: parse, reconcile, publish. */
export function publish(state: State, files: Record<string, string>): { state: State; transcripts: Transcript[] } {
  const transcripts = Object.keys(files).filter((f) => !f.endsWith('.yaml'));
  const sources: SourceFile[] = transcripts.map((file) => {
    const meta = file.replace(/\.[a-z]+$/, '.yaml');
    return {
      file,
      bytes: enc.encode(files[file] ?? ''),
      hash: file,
      ...(files[meta] === undefined ? {} : { meta: { file: meta, text: files[meta] } }),
    };
  });
  const archive = ingestArchive({ sources });
  const record = reconcile({
    archive,
    record: deepFreeze(state.record),
    previous: state.previous,
    sources: new Set(transcripts),
    today: '2026-11-26',
  });
  const previous = new Map(state.previous);
  for (const t of archive.transcripts) previous.set(t.slug, t);
  return { state: { record, previous }, transcripts: archive.transcripts };
}

/** The retired pages of a record as the site reads them: the record file's text through the site's view of it. */
export function sitesRetiredPages(record: PermalinkRecord): RetiredPage[] {
  return retiredPages(RetiredViewSchema.parse(JSON.parse(JSON.stringify(record))));
}
