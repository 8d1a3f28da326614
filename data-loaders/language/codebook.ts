// The theme codebook: what a passage is about, as literal terms (and a few regex patterns)
// per theme. It is an instrument analysts must be able to audit, so it lives in a versioned
// YAML file (lexicon/codebook.yaml) and every defect is reported with the file and line.

import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { LineCounter, parseDocument, isNode } from "yaml";
import { z } from "zod";

export interface Theme {
  id: string;
  zh: string;
  en: string;
  description: string;
  /** Literal surface forms, matched longest-first without overlap across all themes. */
  terms: string[];
  /** Regex sources (compiled with flags "gu"); for constructions literals cannot express. */
  patterns: string[];
}

export interface Codebook {
  version: string;
  /** In codebook order: the order that breaks ties between themes. */
  themes: Theme[];
}

export const DEFAULT_CODEBOOK_PATH = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "lexicon",
  "codebook.yaml",
);

const nonEmpty = z.string().trim().min(1, "must be a non-empty string");

const patternSchema = nonEmpty.superRefine((source, ctx) => {
  let re: RegExp;
  try {
    re = new RegExp(source, "u");
  } catch (e) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: `invalid regex: ${(e as Error).message}`,
    });
    return;
  }
  // A pattern that can match "" would produce zero-width hits (and loop forever in a scan).
  if (re.test(""))
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: "regex matches the empty string" });
});

const themeSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, "theme id must be snake_case ascii"),
    zh: nonEmpty,
    en: nonEmpty,
    description: nonEmpty,
    terms: z.array(nonEmpty).min(1, "a theme needs at least one term"),
    patterns: z.array(patternSchema).default([]),
  })
  .strict();

const codebookSchema = z
  .object({
    version: z.union([nonEmpty, z.number()]).transform(String),
    themes: z.array(themeSchema).min(1),
  })
  .strict();

/** Reads and validates a codebook file; throws an Error naming the file and line of the first problems. */
export function loadCodebook(path: string = DEFAULT_CODEBOOK_PATH): Codebook {
  return parseCodebook(readFileSync(path, "utf8"), path);
}

/** Parses codebook YAML text; `file` is only used in error messages. */
export function parseCodebook(source: string, file = "<codebook>"): Codebook {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;

  if (doc.errors.length > 0) {
    // Later errors usually cascade from the first; a handful is enough to locate the problem.
    const msgs = doc.errors
      .slice(0, 3)
      .map((e) => `${file}:${lineOf(e.pos[0])}: YAML syntax: ${e.message.split("\n")[0]}`);
    throw new Error(`invalid codebook\n${msgs.join("\n")}`);
  }

  // Line of the deepest existing node on an issue path (a missing key points at its parent).
  const lineOfPath = (path: readonly (string | number)[]): number => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lineOf(node.range[0]);
    }
    return 1;
  };

  const parsed = codebookSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const msgs = parsed.error.issues.map(
      (i) => `${file}:${lineOfPath(i.path)}: ${i.path.join(".") || "(root)"}: ${i.message}`,
    );
    throw new Error(`invalid codebook\n${msgs.join("\n")}`);
  }

  const codebook: Codebook = parsed.data;
  const problems: string[] = [];
  // A term in two themes (or twice in one) would be silently credited to the first: the
  // matcher keeps the first entry for a shared pattern. Make the author decide instead.
  const owner = new Map<string, string>();
  const ids = new Set<string>();
  codebook.themes.forEach((theme, t) => {
    if (ids.has(theme.id))
      problems.push(`${file}:${lineOfPath(["themes", t, "id"])}: duplicate theme id ${theme.id}`);
    ids.add(theme.id);
    theme.terms.forEach((term, k) => {
      const prev = owner.get(term);
      if (prev !== undefined) {
        problems.push(
          `${file}:${lineOfPath(["themes", t, "terms", k])}: term ${term} of ${theme.id} is already in ${prev}`,
        );
      } else owner.set(term, theme.id);
    });
  });
  if (problems.length > 0) throw new Error(`invalid codebook\n${problems.join("\n")}`);
  return codebook;
}
