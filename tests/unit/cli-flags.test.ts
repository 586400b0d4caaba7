/**
 * Each script's own flags (`scripts/lib/cli.ts`): a flag another script
 * takes is an error naming it, not an option that silently does nothing
 * (`npm run ingest -- --memory 4` parsed and ignored it).
 */
import { expect, test } from 'vitest';
import { BUILD_FLAGS, CHECK_SITE_FLAGS, INGEST_FLAGS, PREVIEW_FLAGS, parseCli } from '../../scripts/lib/cli.ts';

const NOT_HERE = (flag: string) => ({ error: `${flag}: not an option of this command` });

test("a script's own flags parse", () => {
  expect(parseCli(['--seeds', 's', '--report', '--lenient', '--new-archive'], INGEST_FLAGS)).toMatchObject({
    report: true,
    lenient: true,
    newArchive: true,
  });
  expect(parseCli(['--port', '8080'], PREVIEW_FLAGS)).toMatchObject({ port: 8080 });
  expect(parseCli(['--memory=4', '--no-check', '--part', '1/2'], BUILD_FLAGS)).toMatchObject({
    memory: 4,
    check: false,
  });
  for (const flags of [BUILD_FLAGS, INGEST_FLAGS, PREVIEW_FLAGS, CHECK_SITE_FLAGS])
    expect(parseCli(['--help'], flags)).toMatchObject({ help: true });
});

test("another script's flag is an error, in either spelling", () => {
  expect(parseCli(['--memory', '4'], INGEST_FLAGS)).toEqual(NOT_HERE('--memory'));
  expect(parseCli(['--shard-pages=500'], INGEST_FLAGS)).toEqual(NOT_HERE('--shard-pages'));
  expect(parseCli(['--no-check'], INGEST_FLAGS)).toEqual(NOT_HERE('--no-check'));
  expect(parseCli(['--seeds', 'x'], PREVIEW_FLAGS)).toEqual(NOT_HERE('--seeds'));
  expect(parseCli(['--port', '80'], BUILD_FLAGS)).toEqual(NOT_HERE('--port'));
  expect(parseCli(['--port', '80'])).toEqual(NOT_HERE('--port'));
  expect(parseCli(['--content', 'c'], CHECK_SITE_FLAGS)).toEqual(NOT_HERE('--content'));
});

test('an unknown flag is still an error', () => {
  expect(parseCli(['--colour'], INGEST_FLAGS)).toHaveProperty('error');
});
