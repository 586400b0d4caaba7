/**
 * `npm run preview -- [--out DIR] [--port N]`: serves the built site on
 * http://127.0.0.1:4321/ until Ctrl-C.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PREVIEW_FLAGS, parseCli } from './lib/cli.ts';
import { serveStatic } from './lib/serve-static.ts';

const USAGE = 'Usage: npm run preview -- [--out DIR] [--port N]';
const options = parseCli(process.argv.slice(2), PREVIEW_FLAGS);
if ('error' in options) {
  console.error(`error: ${options.error}\n\n${USAGE}`);
  process.exit(1);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!existsSync(join(options.out, 'index.html'))) {
  console.error(`error: ${options.out} holds no built site\n  ↳ Run \`npm run build\` first.`);
  process.exit(1);
}
const server = await serveStatic(options.out, options.port);
console.log(`Serving ${options.out} at ${server.url}/ (Ctrl-C to stop)`);
