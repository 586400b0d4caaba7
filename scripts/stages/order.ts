/**
 * The build's stages in the order they run: ingest → site → data →
 * downloads → search → join → check → publish. The site stage runs in the
 * background, beside the next three, when memory allows; the downloads run
 * beside search (see each stage's `background` and `after`).
 */
import { checkStage } from './check.ts';
import type { Stage } from './context.ts';
import { dataStage } from './data.ts';
import { downloadsStage } from './downloads.ts';
import { ingestStage } from './ingest.ts';
import { joinStage } from './join.ts';
import { publishStage } from './publish.ts';
import { searchStage } from './search.ts';
import { siteStage } from './site.ts';

export const STAGES: readonly Stage[] = [
  ...[ingestStage, siteStage, dataStage, downloadsStage],
  ...[searchStage, joinStage, checkStage, publishStage],
];
