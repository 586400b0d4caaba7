/**
 * Stage 6, join: once Astro's pages, the data files and the downloads are
 * all in the new site, what the pages say of the data: the downloads' sizes
 * on the /data/ page, the recordings' origins in the host's header file
 * (`media-src`, `_headers` from `public/`); and every address the
 * permalink record promises, looked up in the new site (started by the site
 * stage as soon as Astro is done: see {@link startAddressCheck}).
 */
import { join } from 'node:path';
import { plural } from '../core/text.ts';
import { lostUrls } from '../lib/check-published-fs.ts';
import { fillDownloadSizes } from '../lib/download-sizes-fs.ts';
import { writeMediaPolicy } from '../lib/media-policy-fs.ts';
import { type BuildContext, type Stage, stop } from './context.ts';

/** The published-address check started for each build's new site. */
const addressChecks = new WeakMap<object, Promise<string[]>>();

/** Every address the permalink record promises, looked up in the new site: those that would break. */
function lostAddresses(ctx: BuildContext): Promise<string[]> {
  return lostUrls(ctx.options.content, ctx.staging, {
    ...(ctx.options.part ? { part: ctx.options.part } : {}),
    siteCheckCache: join(ctx.cache, 'site-check'),
    recordCache: ctx.cache,
  });
}

/**
 * Starts the published-address check of the new site. Its pages are
 * Astro's alone, so the site stage starts it as soon as Astro is done, beside
 * what runs after Astro (the site's tally, the search stage's end); this
 * stage takes its outcome.
 */
export function startAddressCheck(ctx: BuildContext): void {
  const check = lostAddresses(ctx);
  // A build stopped before this stage never reads it.
  check.catch(() => undefined);
  addressChecks.set(ctx.build, check);
}

/** The check started for this build's new site, or made now. */
function addressCheck(ctx: BuildContext): Promise<string[]> {
  return addressChecks.get(ctx.build) ?? lostAddresses(ctx);
}

export const joinStage: Stage = {
  name: 'join',
  title: 'Pages and data joined',
  after: ['site', 'downloads'],
  async run(ctx) {
    const { options, staging } = ctx;
    await fillDownloadSizes(staging);
    // The host's header file allows every recording the data stage's manifest names.
    const mediaOrigins = await writeMediaPolicy(staging);
    const lost = await addressCheck(ctx);
    if (lost.length > 0)
      return stop(
        `${plural(lost.length, 'published address', 'published addresses')} would break.\n  ↳ Restore the transcript, or retire or move it on purpose in ${options.content}/permalinks.json (see /docs/urls/).`,
        lost.slice(0, 50).map((url) => `${url}: error [lost-url] a published address would stop resolving`),
      );
    return {
      ok: true,
      figures: { files: 0, bytes: 0, pages: 0 },
      lines: [
        'every published address answers',
        ...(mediaOrigins.length > 0
          ? [`recordings played from ${mediaOrigins.join(', ')} (media-src in _headers)`]
          : []),
      ],
      problems: [],
    };
  },
};
