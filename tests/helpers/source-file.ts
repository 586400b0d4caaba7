/** A seed file as the ingest reads it, from its text (and its sidecar metadata), hashed by what it holds. */
import type { SourceFile } from '../../scripts/core/ingest-archive.ts';

const enc = new TextEncoder();

export const sourceFile = (file: string, text: string, meta?: string): SourceFile => ({
  file,
  bytes: enc.encode(text),
  hash: `${file}:${text}:${meta ?? ''}`,
  ...(meta === undefined ? {} : { meta: { file: file.replace(/\.[a-z]+$/, '.yaml'), text: meta } }),
});
