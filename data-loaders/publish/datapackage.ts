// Frictionless Data Package (tabular-data-package profile) describing every published file: each
// table's Parquet file and, where one was written, its CSV; built from the same specs that typed
// the files.
import type { TableSpec } from "../tables/spec.ts";
import { OFFSET_NOTE } from "../tables/spec.ts";

export interface PackageInfo {
  name: string;
  version: string;
  /** Versions of the lexicon files that shaped the data. */
  lexicons: Record<string, string>;
  rowCounts: Record<string, number>;
  /** The files written (paths in the folder): a table's CSV resource is listed only when its
   *  CSV was written (publish/tables.ts, CSV policy). Default: every table in both formats. */
  written?: ReadonlySet<string>;
}

const FRICTIONLESS_TYPES = {
  string: "string",
  integer: "integer",
  number: "number",
  boolean: "boolean",
} as const;

function schemaOf(spec: TableSpec): object {
  return {
    fields: spec.columns.map((c) => ({
      name: c.name,
      type: FRICTIONLESS_TYPES[c.type],
      description: c.description,
      constraints: {
        required: !c.nullable,
        ...(c.enum ? { enum: c.enum } : {}),
      },
    })),
    primaryKey: [...spec.primaryKey],
    missingValues: [""],
  };
}

export function buildDataPackage(specs: readonly TableSpec[], info: PackageInfo): object {
  const resources = specs.flatMap((spec) => {
    const common = {
      title: spec.title,
      description: `Grain: ${spec.grain}. Invariants: ${spec.invariants.join("; ") || "none"}.`,
      schema: schemaOf(spec),
      rows: info.rowCounts[spec.name] ?? 0,
    };
    const hasCsv = !info.written || info.written.has(`${spec.name}.csv`);
    return [
      ...(hasCsv
        ? [
            {
              name: spec.name,
              path: `${spec.name}.csv`,
              format: "csv",
              mediatype: "text/csv",
              encoding: "utf-8-sig",
              dialect: {
                delimiter: ",",
                lineTerminator: "\n",
                quoteChar: '"',
                doubleQuote: true,
                header: true,
              },
              ...common,
            },
          ]
        : []),
      {
        name: `${spec.name}_parquet`,
        path: `${spec.name}.parquet`,
        format: "parquet",
        mediatype: "application/vnd.apache.parquet",
        compression: "zstd",
        ...common,
      },
    ];
  });
  return {
    profile: "tabular-data-package",
    name: info.name,
    title: "Speech Atlas datasets 讲话图谱数据集",
    version: info.version,
    description:
      `Tables derived from a corpus of Chinese political speeches. Offsets (start, end, heading_start, ` +
      `heading_end, example_start, example_end) are ${OFFSET_NOTE}, into the speech's cleaned text, ` +
      `except removals.start/end, which index the normalized text before cleaning. CSV cells that ` +
      `begin with = + - @ are prefixed with ' to keep spreadsheets from evaluating them.`,
    lexicons: info.lexicons,
    licenses: [{ name: "other-nc", title: "Derived data; the source texts keep their own terms" }],
    resources,
  };
}
