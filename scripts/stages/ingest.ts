/**
 * Stage 1, ingest: seeds → MDX collections and the permalink record in the
 * content folder (in a child process, whose memory goes when it ends). When
 * nothing changed since the last published build, the build ends here.
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { runIngestInProcess } from '../ingest/ingest-process.ts';
import { readStamp } from '../lib/build-stamp-fs.ts';
import { snapshotRecord } from '../lib/permalink-record-fs.ts';
import { countFiles, keepContentListing, listSite, type Stage, siteStamp } from './context.ts';

export const ingestStage: Stage = {
  name: 'ingest',
  title: 'Ingest',
  async run(ctx) {
    const { options } = ctx;
    // The record names only what was published: a build that stops after this stage puts it back.
    ctx.onStop(await snapshotRecord(options.content, options.seeds));
    const ingesting = runIngestInProcess(
      {
        seeds: options.seeds,
        content: options.content,
        strict: options.strict,
        report: options.report,
        lenient: options.lenient,
        newArchive: options.newArchive,
        out: options.out,
      },
      (child) => {
        ctx.track(child);
        // While the ingest runs, what runs beside it (Astro's start, the read-aheads) takes what it leaves idle.
        if (child) ctx.putFirst(child);
      },
      ctx.markIngestParsing,
    );
    // The published site is listed for the stamp here while the ingest runs in its own process (it never writes
    // there). An ingest that parses most likely writes, and then the listing is not needed: it is called off,
    // leaving the cores to the ingest and Astro's start, and made again in the rare run that wrote nothing.
    const parsing = new AbortController();
    void ctx.ingestParsing.then(() => parsing.abort());
    const listed = existsSync(options.out) ? listSite(options.out, parsing.signal) : undefined;
    // Unused when the ingest fails or writes, or called off: its failure is then no one's concern.
    listed?.catch(() => undefined);
    const ingest = await ingesting;
    keepContentListing(ctx, ingest.content);
    // Nothing written: the published site may be up to date, and the stamp that tells also counts the content.
    const stamped =
      ingest.ok && ingest.written === 0 && listed !== undefined
        ? await siteStamp(
            ctx,
            listed.catch(() => listSite(options.out)),
            ingest.content,
          )
        : undefined;
    // The content folder as the ingest listed it last, after its writes (walked again only when it stopped early).
    const figures = {
      ...(stamped?.content ?? ingest.content?.tally ?? (await countFiles(options.content))),
      pages: ingest.transcripts,
      inputBytes: ingest.inputBytes,
      notes: { written: ingest.written },
    };
    if (!ingest.ok)
      return {
        ok: false,
        figures,
        lines: ingest.lines,
        problems: ingest.problems,
        stopped: ingest.stopped ?? 'the input could not be read (above)',
      };
    const upToDate = stamped !== undefined && stamped.stamp === (await readStamp(ctx.cache, options.out));
    const lines = upToDate
      ? [
          ...ingest.lines,
          `up to date: nothing changed since the last build, ${relative(process.cwd(), options.out) || '.'} left as it is`,
        ]
      : ingest.lines;
    return { ok: true, figures, lines, problems: ingest.problems, done: upToDate };
  },
};
