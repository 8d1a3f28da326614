// Every table the pipeline publishes, in publishing order.
export { speechesTable } from "./speeches.ts";
export { sectionsTable } from "./sections.ts";
export { sentencesTable } from "./sentences.ts";
export { removalsTable } from "./removals.ts";
export { manifestTable } from "./manifest.ts";
export * from "./language.ts";
export type { TableSpec, ColumnSpec, ColumnType } from "./spec.ts";
