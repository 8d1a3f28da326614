// The cleaning rule table: loaded from lexicon/cleaning-rules.yaml, validated, regexes compiled.
// Rules are data so an analyst can read (and extend) exactly what gets cut; this module turns a
// malformed rule into an error that names the file and the rule instead of a silent no-op.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { z } from "zod";

export const DEFAULT_RULES_PATH = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "lexicon",
  "cleaning-rules.yaml",
);

const ALLOWED_FLAGS = /^[ims]*$/;
const id = z.string().regex(/^[a-z][a-z0-9_]*$/, "rule id must be snake_case");
const description = z.string().min(1);
const flags = z.string().regex(ALLOWED_FLAGS, "flags may only contain i, m, s").optional();

const lineRule = z
  .object({
    id,
    kind: z.literal("line"),
    pattern: z.string().min(1),
    flags,
    max_chars: z.number().int().positive().optional(),
    description,
  })
  .strict();

const inlineRule = z
  .object({ id, kind: z.literal("inline"), pattern: z.string().min(1), flags, description })
  .strict();

const blockRule = z
  .object({
    id,
    kind: z.literal("block"),
    pattern: z.string().min(1),
    end: z.string().min(1),
    flags,
    max_lines: z.number().int().positive().default(30),
    unterminated: z.enum(["rest_of_line", "skip"]).default("skip"),
    description,
  })
  .strict();

const linkListRule = z
  .object({
    id,
    kind: z.literal("link_list"),
    pattern: z.string().min(1),
    item_pattern: z.string().min(1),
    flags,
    min_items: z.number().int().nonnegative().default(1),
    max_items: z.number().int().positive().default(20),
    description,
  })
  .strict();

const lineRunRule = z
  .object({
    id,
    kind: z.literal("line_run"),
    pattern: z.string().min(1),
    flags,
    min_lines: z.number().int().min(2),
    description,
  })
  .strict();

const repeatedBodyRule = z
  .object({
    id,
    kind: z.literal("repeated_body"),
    min_chars: z.number().int().positive(),
    min_paragraph_chars: z.number().int().nonnegative(),
    similarity: z.number().gt(0).lte(1),
    description,
  })
  .strict();

const ruleSchema = z.discriminatedUnion("kind", [
  lineRule,
  inlineRule,
  blockRule,
  linkListRule,
  lineRunRule,
  repeatedBodyRule,
]);
const fileSchema = z
  .object({ version: z.number().int().positive(), rules: z.array(z.unknown()).min(1) })
  .strict();

export type RuleSpec = z.infer<typeof ruleSchema>;

/** A validated rule with its regular expressions compiled (always with the `u` flag). */
export type CleaningRule =
  | { id: string; kind: "line"; test: RegExp; maxChars: number | null }
  | { id: string; kind: "inline"; match: RegExp }
  | {
      id: string;
      kind: "block";
      start: RegExp;
      end: RegExp;
      maxLines: number;
      unterminated: "rest_of_line" | "skip";
    }
  | {
      id: string;
      kind: "link_list";
      heading: RegExp;
      item: RegExp;
      minItems: number;
      maxItems: number;
    }
  | { id: string; kind: "line_run"; item: RegExp; minLines: number }
  | {
      id: string;
      kind: "repeated_body";
      minChars: number;
      minParagraphChars: number;
      similarity: number;
    };

export interface CleaningRules {
  version: number;
  rules: CleaningRule[];
}

export class CleaningRulesError extends Error {
  override name = "CleaningRulesError";
}

const cache = new Map<string, CleaningRules>();

/** Load, validate and compile a rule file (cached per path: the pipeline calls this per speech). */
export function loadCleaningRules(path: string = DEFAULT_RULES_PATH): CleaningRules {
  const hit = cache.get(path);
  if (hit) return hit;
  let doc: unknown;
  try {
    doc = parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new CleaningRulesError(`${path}: cannot read rules: ${(err as Error).message}`);
  }
  const rules = parseCleaningRules(doc, path);
  cache.set(path, rules);
  return rules;
}

/** Validate an already-parsed YAML document. `source` names the file in error messages. */
export function parseCleaningRules(doc: unknown, source: string): CleaningRules {
  const file = fileSchema.safeParse(doc);
  if (!file.success) throw new CleaningRulesError(`${source}: ${formatIssues(file.error)}`);

  const seen = new Set<string>();
  const rules = file.data.rules.map((raw, index) => {
    const name = ruleName(raw, index);
    const parsed = ruleSchema.safeParse(raw);
    if (!parsed.success)
      throw new CleaningRulesError(`${source}: rule ${name}: ${formatIssues(parsed.error)}`);
    if (seen.has(parsed.data.id))
      throw new CleaningRulesError(`${source}: rule ${name}: duplicate id`);
    seen.add(parsed.data.id);
    try {
      return compile(parsed.data);
    } catch (err) {
      throw new CleaningRulesError(
        `${source}: rule ${name}: invalid regular expression: ${(err as Error).message}`,
      );
    }
  });
  return { version: file.data.version, rules };
}

function compile(spec: RuleSpec): CleaningRule {
  switch (spec.kind) {
    case "line":
      return {
        id: spec.id,
        kind: "line",
        test: new RegExp(spec.pattern, "u" + (spec.flags ?? "")),
        maxChars: spec.max_chars ?? null,
      };
    case "inline":
      // d: match indices, so a pattern with groups can remove just the groups (markup around kept text).
      return {
        id: spec.id,
        kind: "inline",
        match: new RegExp(spec.pattern, "dgu" + (spec.flags ?? "")),
      };
    case "block":
      return {
        id: spec.id,
        kind: "block",
        start: new RegExp(spec.pattern, "gu" + (spec.flags ?? "")),
        // The end marker is a line-level pattern: ^ and $ mean line boundaries.
        end: new RegExp(spec.end, "gmu" + (spec.flags ?? "").replace("m", "")),
        maxLines: spec.max_lines,
        unterminated: spec.unterminated,
      };
    case "link_list":
      return {
        id: spec.id,
        kind: "link_list",
        heading: new RegExp(spec.pattern, "u" + (spec.flags ?? "")),
        item: new RegExp(spec.item_pattern, "u" + (spec.flags ?? "")),
        minItems: spec.min_items,
        maxItems: spec.max_items,
      };
    case "line_run":
      return {
        id: spec.id,
        kind: "line_run",
        item: new RegExp(spec.pattern, "u" + (spec.flags ?? "")),
        minLines: spec.min_lines,
      };
    case "repeated_body":
      return {
        id: spec.id,
        kind: "repeated_body",
        minChars: spec.min_chars,
        minParagraphChars: spec.min_paragraph_chars,
        similarity: spec.similarity,
      };
  }
}

function ruleName(raw: unknown, index: number): string {
  const id =
    typeof raw === "object" && raw !== null && "id" in raw
      ? String((raw as { id: unknown }).id)
      : null;
  return id === null ? `#${index + 1}` : `"${id}" (#${index + 1})`;
}

function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
}
