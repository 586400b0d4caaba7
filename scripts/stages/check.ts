/**
 * Stage 7, check: the internal links and anchors of the new site, before it
 * is published (`--no-check` skips it). Pages made one per record are not
 * read, but for one of each kind: their links' targets are what the
 * permalink record promises, looked up by the join stage, and the data files
 * it wrote (see `core/check-plan.ts`). The docs, lists and other pages are
 * read in full. One part of N links to pages of the other parts: its links
 * are checked when the parts are combined.
 */
import { join } from 'node:path';
import { checkSite } from '../check-site.ts';
import { formatLinkReport } from '../core/check-links.ts';
import { pagesToRead } from '../core/check-plan.ts';
import { finalStamp, type Stage, stop } from './context.ts';

export const checkStage: Stage = {
  name: 'check',
  title: 'Site check',
  runs: (options) => options.check && !options.part,
  async run(ctx) {
    // The site is final from here on: the publish stage's walk of it runs beside the check.
    void finalStamp(ctx);
    const report = await checkSite(ctx.staging, join(ctx.cache, 'site-check'), { only: pagesToRead });
    const lines = formatLinkReport(report).map((line) => line.replace(/^ {2}/, ''));
    if (report.problems.length > 0)
      return { ...stop('the new site has broken links (listed above); the published site is unchanged'), lines };
    return {
      ok: true,
      figures: { files: 0, bytes: 0, pages: report.pages, notes: { unread: report.unread } },
      lines,
      problems: [],
    };
  },
};
