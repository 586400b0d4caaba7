/**
 * The build script starts `astro build` while its ingest still writes the
 * content folder (`scripts/stages/site.ts`): Astro loads its config, its
 * integrations and Vite meanwhile, on the core the ingest leaves idle, and
 * the content loaders (`src/lib/*-loader-fs.ts`) wait here for the go: a
 * line the build writes on Astro's input once the content is written.
 * Without ARCHIVE_AWAIT_CONTENT (any other `astro build`, `astro dev`)
 * nothing waits.
 */

/** The environment variable that makes the loaders wait for the go. */
export const AWAIT_CONTENT = 'ARCHIVE_AWAIT_CONTENT';

/** How often a waiting loader's `keepAlive` is called: well within Astro's 500 ms. */
const KEEP_ALIVE_MS = 200;

let gate: Promise<void> | undefined;

/**
 * Resolves once the content folder may be read and `alongside` (what the
 * loader reads meanwhile) is done. Rejects when the input ends
 * without a go (the build that started this process went away or stopped),
 * which fails the load, so that Astro ends rather than wait for ever.
 *
 * Astro saves its data store 500 ms after the last change to it, serializing
 * every entry (some 2 s of a core at 10,000 transcripts); its sync changes
 * the store before the loaders run, so while they wait the store would be
 * saved once for nothing, and once more after their changes. `keepAlive`, a
 * change of the loader's own, is called every {@link KEEP_ALIVE_MS} ms while
 * it waits (for `alongside` too, in an Astro build that does not wait for
 * the content), so that the store is saved once, after the loaders.
 */
export async function contentReady(keepAlive?: () => void, alongside?: Promise<unknown>): Promise<void> {
  const waits = [...(process.env[AWAIT_CONTENT] === '1' ? [opened()] : []), ...(alongside ? [alongside] : [])];
  if (waits.length === 0) return;
  const timer = keepAlive ? setInterval(keepAlive, KEEP_ALIVE_MS) : undefined;
  try {
    await Promise.all(waits);
  } finally {
    clearInterval(timer);
  }
}

/** The go, read once per process. */
function opened(): Promise<void> {
  gate ??= new Promise<void>((resolve, reject) => {
    const input = process.stdin;
    let text = '';
    const onEnd = (): void =>
      reject(new Error('the build that started this Astro process stopped before its content was written'));
    input.setEncoding('utf8');
    input.on('data', (chunk: string) => {
      text += chunk;
      if (!text.includes('\n')) return;
      input.off('end', onEnd);
      // Nothing more to read: the open input must not keep the process alive.
      input.destroy();
      resolve();
    });
    input.once('end', onEnd);
  });
  return gate;
}
