/** An Atom feed endpoint's response, shared by the archive, speaker and topic feeds. */
import { type FeedTranscript, transcriptsFeed } from '../../scripts/core/to-feed.ts';
import { ARCHIVE_NAME, href } from './format.ts';

export function feedResponse(
  title: string,
  pagePath: string,
  site: URL | undefined,
  transcripts: readonly FeedTranscript[],
): Response {
  const xml = transcriptsFeed({
    title: title === ARCHIVE_NAME ? title : `${title} · ${ARCHIVE_NAME}`,
    path: href(pagePath),
    feedPath: href(`${pagePath}feed.xml`),
    ...(site ? { site: site.href } : {}),
    transcripts,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
