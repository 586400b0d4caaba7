/**
 * `_redirects` for hosts that read it (Netlify, Cloudflare Pages): every moved
 * page as a permanent redirect. Other hosts serve the HTML redirect pages.
 * A transcript merged into another whose anchors differ is left to its HTML
 * redirect page: a 301 keeps `#t3` as it is (the server never sees it), and
 * it would land on a different turn; the page's script translates it.
 */

import { getCollection } from 'astro:content';
import type { APIRoute, GetStaticPaths } from 'astro';
import { href } from '../lib/format.ts';

// Astro skips page files whose names start with `_`, so the file name comes from a parameter.
export const getStaticPaths = (() => [{ params: { redirects: '_redirects' } }]) satisfies GetStaticPaths;

export const GET: APIRoute = async () => {
  const retired = await getCollection('retired');
  const lines = retired
    .filter((r) => r.data.movedTo && !r.data.anchors)
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((r) => `${href(`/${r.data.section}/${r.data.slug}/`)} ${href(`/${r.data.section}/${r.data.movedTo}/`)} 301`);
  return new Response(lines.length > 0 ? `${lines.join('\n')}\n` : '', { headers: { 'Content-Type': 'text/plain' } });
};
