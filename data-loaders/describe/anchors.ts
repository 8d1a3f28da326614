// Dated anchors: phrases of public record that pin a text to a year window (十三五收官之年 → 2020,
// 9800多万名党员 → 2023–2024). The list is data (lexicon/anchors.yaml); this module validates it and
// reports a malformed entry by file and line. Reading the file (loadAnchors) is the only I/O.
import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { LineCounter, parseDocument, isNode, type Document } from "yaml";

export interface Anchor {
  id: string;
  /** Literal forms, matched on quote-stripped text (see anchor-match.ts). */
  phrases: string[];
  /** Optional regular expression (Unicode), for forms with gaps like 十三五…收官之年. */
  pattern: string | null;
  /** Set when the phrase says "this is the year of X": the speech's year itself. */
  year: number | null;
  not_before: number | null;
  not_after: number | null;
  /**
   * A plenum's guidance is cited until the next plenum or congress: a text with no stated year
   * and nothing later than this anchor is dated within [not_before, cited_until].
   */
  cited_until: number | null;
  /** An anniversary's own year: pinned when the text says 今年是 (this year is) before it. */
  this_year: number | null;
  note: string | null;
}

const Year = z.number().int().min(1900).max(2100);

const AnchorEntry = z
  .object({
    id: z.string().regex(/^[a-z0-9_]+$/, "id must be lower_snake_case"),
    phrases: z.array(z.string().min(1)).optional(),
    pattern: z.string().min(1).optional(),
    year: Year.optional(),
    not_before: Year.optional(),
    not_after: Year.optional(),
    cited_until: Year.optional(),
    this_year: Year.optional(),
    note: z.string().optional(),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (!a.phrases?.length && !a.pattern)
      ctx.addIssue({ code: "custom", message: "needs phrases or pattern", path: ["id"] });
    if (a.year === undefined && a.not_before === undefined && a.not_after === undefined)
      ctx.addIssue({
        code: "custom",
        message: "needs year, not_before or not_after",
        path: ["id"],
      });
    if (a.year !== undefined && (a.not_before !== undefined || a.not_after !== undefined))
      ctx.addIssue({
        code: "custom",
        message: "give either year or a window, not both",
        path: ["year"],
      });
    if (a.not_before !== undefined && a.not_after !== undefined && a.not_before > a.not_after)
      ctx.addIssue({
        code: "custom",
        message: "not_before is after not_after",
        path: ["not_before"],
      });
    if (
      a.cited_until !== undefined &&
      (a.not_before === undefined || a.not_after !== undefined || a.cited_until < a.not_before)
    )
      ctx.addIssue({
        code: "custom",
        message: "cited_until needs not_before (not after it) and no not_after",
        path: ["cited_until"],
      });
    if (a.pattern !== undefined) {
      try {
        new RegExp(a.pattern, "u");
      } catch (e) {
        ctx.addIssue({
          code: "custom",
          message: `invalid pattern: ${(e as Error).message}`,
          path: ["pattern"],
        });
      }
    }
  });

const AnchorsFile = z
  .object({ version: z.number().int().positive(), anchors: z.array(AnchorEntry).min(1) })
  .strict()
  .superRefine((f, ctx) => {
    const seen = new Map<string, number>();
    f.anchors.forEach((a, i) => {
      if (seen.has(a.id))
        ctx.addIssue({
          code: "custom",
          message: `duplicate id ${a.id}`,
          path: ["anchors", i, "id"],
        });
      seen.set(a.id, i);
    });
  });

export interface AnchorSet {
  version: number;
  anchors: Anchor[];
}

/** Thrown for a malformed anchors file; the message names file and line. */
export class AnchorsFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    detail: string,
  ) {
    super(`${file}:${line}: ${detail}`);
    this.name = "AnchorsFileError";
  }
}

/** Parses and validates the text of an anchors file; `file` only labels errors. */
export function parseAnchors(text: string, file = "anchors.yaml"): AnchorSet {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = yamlError.linePos?.[0].line ?? lineCounter.linePos(yamlError.pos[0]).line;
    throw new AnchorsFileError(file, line, yamlError.message.split("\n")[0] ?? "YAML error");
  }
  const parsed = AnchorsFile.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path ?? [];
    const line = lineOfPath(doc, path, lineCounter);
    const where = path.length ? ` at ${path.join(".")}` : "";
    throw new AnchorsFileError(file, line, `${issue?.message ?? "invalid"}${where}`);
  }
  return {
    version: parsed.data.version,
    anchors: parsed.data.anchors.map((a) => {
      const single = a.year ?? null;
      return {
        id: a.id,
        phrases: a.phrases ?? [],
        pattern: a.pattern ?? null,
        year: single,
        not_before: single ?? a.not_before ?? null,
        not_after: single ?? a.not_after ?? null,
        cited_until: a.cited_until ?? null,
        this_year: a.this_year ?? null,
        note: a.note ?? null,
      };
    }),
  };
}

/** 1-based line of the deepest node on `path` that exists (a missing key maps to its entry). */
function lineOfPath(doc: Document, path: readonly (string | number)[], lc: LineCounter): number {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return lc.linePos(node.range[0]).line;
  }
  return 1;
}

// --- I/O edge ---------------------------------------------------------------------------------

export const DEFAULT_ANCHORS_PATH = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "lexicon",
  "anchors.yaml",
);

export function loadAnchorSet(path = DEFAULT_ANCHORS_PATH): AnchorSet {
  const label = relative(process.cwd(), path) || path;
  return parseAnchors(readFileSync(path, "utf8"), label);
}

export function loadAnchors(path = DEFAULT_ANCHORS_PATH) {
  return loadAnchorSet(path).anchors;
}

let cached: AnchorSet | null = null;

/** The project's anchors, read once per process (describeSpeech's default). */
export function defaultAnchorSet(): AnchorSet {
  cached ??= loadAnchorSet();
  return cached;
}
