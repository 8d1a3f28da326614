// The formulation (提法) lexicon: load, validate and expose lexicon/formulations.yaml.
//
// Validation is strict because every published count keys on these ids: a malformed entry, a
// duplicate id or a surface form claimed by two entries would silently move counts between
// formulations. Errors name the file and the line of the offending entry.
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from "yaml";
import { z } from "zod";

export const THEME_IDS = [
  "political_building",
  "theory_arming",
  "grassroots_organization",
  "cadres",
  "talent",
  "party_members",
  "strict_governance",
  "work_style",
  "development_tasks",
  "department_self_building",
] as const;

export type ThemeId = (typeof THEME_IDS)[number];

export const DEFAULT_LEXICON_PATH = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "lexicon",
  "formulations.yaml",
);

const surfaceForm = z
  .string()
  .min(1)
  .refine((s) => s.trim() === s && !/\s/.test(s), "must not contain whitespace");

const entrySchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, "must be an ascii slug ([a-z][a-z0-9_]*)"),
    canonical: surfaceForm,
    variants: z.array(surfaceForm).default([]),
    theme: z.enum(THEME_IDS),
    gloss_en: z.string().min(1),
  })
  .strict();

const lexiconSchema = z
  .object({
    version: z.string().regex(/^\d{4}\.\d{1,2}\.\d+$/, 'must look like "2026.11.1"'),
    formulations: z.array(z.unknown()).min(1),
  })
  .strict();

export type FormulationEntry = z.infer<typeof entrySchema>;

export interface Lexicon {
  version: string;
  /** Where it was loaded from (for error messages and provenance). */
  source: string;
  entries: readonly FormulationEntry[];
}

/** Canonical first, then variants in file order. */
export function surfaceForms(entry: FormulationEntry): string[] {
  return [entry.canonical, ...entry.variants];
}

export class LexiconError extends Error {
  override name = "LexiconError";
}

export function loadLexicon(path: string = DEFAULT_LEXICON_PATH): Lexicon {
  return parseLexicon(readFileSync(path, "utf8"), path);
}

export function parseLexicon(yamlText: string, source = "<lexicon>"): Lexicon {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true });
  const lineOf = (node: YamlNode | null | undefined): number =>
    node?.range ? lineCounter.linePos(node.range[0]).line : 1;
  const fail = (line: number, message: string): never => {
    throw new LexiconError(`${source}:${line}: ${message}`);
  };

  const yamlError = doc.errors[0];
  if (yamlError) fail(yamlError.linePos?.[0]?.line ?? 1, `invalid YAML: ${yamlError.message}`);

  const top = lexiconSchema.safeParse(doc.toJS());
  if (!top.success) fail(1, describeZodError(top.error));

  const seq = doc.get("formulations", true);
  const nodes = isSeq(seq) ? seq.items : [];
  const entries: FormulationEntry[] = [];
  const idLines = new Map<string, number>();
  const formOwners = new Map<string, { id: string; line: number }>();

  nodes.forEach((node, i) => {
    const line = lineOf(node as YamlNode);
    if (!isMap(node)) fail(line, `formulations[${i}] must be a mapping`);
    const parsed = entrySchema.safeParse((node as YamlNode).toJSON());
    if (!parsed.success) {
      // Point at the offending field when it exists (a bad variant, a misspelt theme), else the entry.
      const path = parsed.error.issues[0]?.path ?? [];
      const field = path.length && isMap(node) ? node.getIn(path, true) : undefined;
      fail(
        field ? lineOf(field as YamlNode) : line,
        `formulations[${i}]: ${describeZodError(parsed.error)}`,
      );
    }
    const entry = parsed.data!;

    const firstIdLine = idLines.get(entry.id);
    if (firstIdLine !== undefined)
      fail(line, `duplicate id "${entry.id}" (first at line ${firstIdLine})`);
    idLines.set(entry.id, line);

    for (const form of surfaceForms(entry)) {
      const owner = formOwners.get(form);
      if (owner) {
        fail(
          line,
          owner.id === entry.id
            ? `surface form "${form}" is listed twice in "${entry.id}"`
            : `surface form "${form}" of "${entry.id}" is already a form of "${owner.id}" (line ${owner.line})`,
        );
      }
      formOwners.set(form, { id: entry.id, line });
    }
    entries.push(entry);
  });

  return { version: top.data!.version, source, entries };
}

function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join(".") : "(root)"}: ${issue.message}`)
    .join("; ");
}
