/**
 * The ingest report as terminal lines: a consequence line per decision, a
 * per-file table with `--report`, and every problem at `file:line`.
 */
import type { Archive } from '../core/ingest-archive.ts';
import { formatProblem, type Problem } from '../core/problems.ts';
import { plural } from '../core/text.ts';
import type { WriteSummary } from './write-content-fs.ts';

export function allProblems(archive: Archive): Problem[] {
  return [...archive.problems, ...archive.files.flatMap((f) => f.problems)];
}

export function formatIngestReport(
  archive: Archive,
  written: WriteSummary,
  skipped: readonly { file: string; reason: string }[],
  options: { report: boolean },
): string[] {
  const lines: string[] = [];
  // A language version is part of its transcript's record, not a transcript of its own.
  const published = [...archive.ingested.values()].filter((f) => f.versionOf === undefined);
  const versions = archive.files.filter((f) => f.versionOf !== undefined && f.slug !== undefined);
  const mismatches = archive.files.flatMap((f) => f.mismatches ?? []);
  const turns = published.reduce((n, t) => n + t.turns, 0);
  const words = published.reduce((n, t) => n + t.words, 0);
  lines.push(
    `Read ${plural(archive.files.length, 'transcript file')}: ${plural(published.length, 'transcript')}, ${plural(turns, 'turn')}, ${plural(words, 'spoken word')}, ${plural(archive.speakers.length, 'speaker')}, ${plural(archive.topics.length, 'topic')}`,
  );
  if (options.report) {
    lines.push('', '  file | format | turns | speakers | words | annotations | problems | unsure labels');
    for (const f of archive.files) {
      lines.push(
        `  ${f.file} | ${f.format ?? '-'} | ${f.turns} | ${f.speakers} | ${f.words} | ${f.annotations} | ${f.problems.length} | ${f.unsure.length}`,
      );
      if (f.versionOf) lines.push(`      ↳ a language version of ${f.versionOf}`);
      for (const u of f.unsure) lines.push(`      ${f.file}:${u.line}: ${u.reason}`);
      for (const m of f.mismatches ?? []) lines.push(`      ${m.file}:${m.line}: not aligned: ${m.message}`);
    }
    lines.push('');
  }
  const formats = new Map<string, number>();
  for (const f of archive.files) if (f.slug && f.format) formats.set(f.format, (formats.get(f.format) ?? 0) + 1);
  if (formats.size > 0) lines.push(`  ↳ formats: ${[...formats].map(([name, n]) => `${name} ${n}`).join(', ')}`);
  const unsure = archive.files.reduce((n, f) => n + f.unsure.length, 0);
  if (unsure > 0) {
    lines.push(
      `  ↳ ${plural(unsure, 'line')} ${unsure === 1 ? 'looked like a label but was' : 'looked like labels but were'} kept as text (--report lists them)`,
    );
  }
  if (versions.length > 0) {
    lines.push(
      `  ↳ ${plural(versions.length, 'language version')} joined to ${plural(new Set(versions.map((f) => f.slug)).size, 'transcript')}${mismatches.length > 0 ? `; ${plural(mismatches.length, 'turn')} not aligned one to one (--report lists them)` : ''}`,
    );
  }
  if (skipped.length > 0) {
    lines.push(`  ↳ ${plural(skipped.length, 'file')} skipped:`);
    for (const s of skipped) lines.push(`    ${s.file}: ${s.reason}`);
  }
  const failed = archive.files.filter((f) => f.slug === undefined).length;
  if (failed > 0) lines.push(`  ↳ ${plural(failed, 'file')} not built: see the errors below`);
  if (written.kept.length > 0) {
    lines.push(`  ↳ ${plural(written.kept.length, 'transcript')} kept as last published: ${written.kept.join(', ')}`);
  }
  const reused = published.length - archive.transcripts.length;
  if (reused > 0) lines.push(`  ↳ ${plural(reused, 'transcript')} unchanged since the last run: not parsed again`);
  lines.push(
    `  ↳ content: ${plural(written.written.length, 'file')} written, ${written.unchanged.toLocaleString('en')} unchanged, ${written.removed.length.toLocaleString('en')} removed`,
  );
  return lines;
}

export function formatProblems(problems: readonly Problem[]): string[] {
  return problems.map(formatProblem);
}

/**
 * The report of a run that found nothing changed since the last one (see
 * `runIngest`): the last run's lines, with what this run did in place of what
 * that one did: nothing parsed, nothing written.
 */
export function replayedReport(lines: readonly string[], transcripts: number, contentFiles: number): string[] {
  const thisRun = /^ {2}↳ (?:[\d,]+ transcripts? unchanged since the last run|content: )/;
  return [
    ...lines.filter((line) => !thisRun.test(line)),
    `  ↳ ${plural(transcripts, 'transcript')} unchanged since the last run: not parsed again`,
    `  ↳ content: 0 files written, ${contentFiles.toLocaleString('en')} unchanged, 0 removed`,
  ];
}
