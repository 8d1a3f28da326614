// Every table the pipeline publishes, in publishing order.
export { speechesTable } from "./speeches.ts";
export { sectionsTable } from "./sections.ts";
export { sentencesTable } from "./sentences.ts";
export { removalsTable } from "./removals.ts";
export { manifestTable } from "./manifest.ts";
export * from "./language.ts";
export { reusePassagesTable } from "./reuse.ts";
export { reuseGroupsTable } from "./reuse-groups.ts";
export type { TableSpec, ColumnSpec, ColumnType } from "./spec.ts";

import { speechesTable } from "./speeches.ts";
import { sectionsTable } from "./sections.ts";
import { sentencesTable } from "./sentences.ts";
import { removalsTable } from "./removals.ts";
import { manifestTable } from "./manifest.ts";
import * as language from "./language.ts";
import { reusePassagesTable } from "./reuse.ts";
import { reuseGroupsTable } from "./reuse-groups.ts";

/** Every published table, in publishing order (the Data page lists them in this order). */
export const ALL_TABLES = [
  speechesTable,
  sectionsTable,
  sentencesTable,
  removalsTable,
  manifestTable,
  language.termsTable,
  language.formulationsTable,
  language.formulationHitsTable,
  language.formulationCandidatesTable,
  language.themesTable,
  language.themeScoresTable,
  language.termStatsTable,
  language.collocationsTable,
  reusePassagesTable,
  reuseGroupsTable,
] as const;

export const TABLE_NAMES: readonly string[] = ALL_TABLES.map((t) => t.name);
