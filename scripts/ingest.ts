/**
 * `npm run ingest -- [--seeds DIR] [--content DIR] [--report] [--strict] [--lenient] [--new-archive]`
 * Reads transcripts from the seeds folder and writes the MDX collections.
 */

import { setFlagsFromString } from 'node:v8';
import { runIngest } from './ingest/run-ingest-fs.ts';
import { INGEST_FLAGS, parseCli, seconds } from './lib/cli.ts';
import { useCompileCache } from './lib/compile-cache-fs.ts';
import { HEAP_GROWTH_FLAG } from './lib/memory-plan.ts';

const USAGE = `Usage: npm run ingest -- [options]

  --seeds DIR     folder of transcripts to read (default: seeds)
  --content DIR   folder to write the MDX collections to (default: content)
  --report        list every file with its format, turns, speakers and problems
  --strict        exit with an error on any warning or error
  --lenient       ingest even when speakers.yaml or topics.yaml does not parse
  --new-archive   start a new permalink record: only for an archive never published
  -h, --help      show this help`;

const options = parseCli(process.argv.slice(2), INGEST_FLAGS);
if ('error' in options) {
  console.error(`error: ${options.error}\n\n${USAGE}`);
  process.exit(1);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
// As in the build's ingest process: garbage collected before the heap (and its parse workers') grows by half.
setFlagsFromString(HEAP_GROWTH_FLAG);
useCompileCache();
const started = performance.now();
// The ingest alone publishes nothing: only the content folder says whether the archive was built before.
const { out: _published, ...ingestOptions } = options;
const outcome = await runIngest(ingestOptions);
for (const line of outcome.lines) console.log(line);
for (const p of outcome.problems) console.error(p);
console.log(`Ingest ${outcome.ok ? 'finished' : 'failed'} in ${seconds(performance.now() - started)}`);
process.exit(outcome.ok ? 0 : 1);
