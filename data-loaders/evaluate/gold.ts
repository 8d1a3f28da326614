// The gold-annotation schema shared by ../shared/corpus/sample-gold.json and the dev set's
// dev-gold.json: one object per file. Only the fields evaluate scores are required; the rest
// (notes, boilerplate, l1_style …) are kept by the annotators for people, not for scoring.
import { z } from "zod";

const GoldEntrySchema = z
  .object({
    file: z.string().min(1),
    title: z.string().nullable(),
    genre: z.string(),
    level: z.string(),
    year: z.number().int().nullable(),
    year_conflict: z.boolean().nullable().optional(),
    l1_headings: z.array(z.string()),
    l2_headings: z.array(z.array(z.string())).optional(),
    section_themes: z.array(z.object({ heading: z.string(), theme: z.string() })).optional(),
  })
  .passthrough();

export type GoldEntry = z.infer<typeof GoldEntrySchema>;

export class GoldError extends Error {}

/** Parses a gold file's JSON text; errors name the entry and the field. */
export function parseGold(jsonText: string): GoldEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(jsonText);
  } catch (err) {
    throw new GoldError(`gold file is not JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(data)) throw new GoldError("gold file must be a JSON array of entries");
  const seen = new Set<string>();
  return data.map((raw, i) => {
    const parsed = GoldEntrySchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new GoldError(
        `gold entry ${i + 1}: ${issue.path.join(".") || "entry"}: ${issue.message}`,
      );
    }
    const entry = parsed.data;
    if (seen.has(entry.file))
      throw new GoldError(`gold entry ${i + 1}: duplicate file ${entry.file}`);
    seen.add(entry.file);
    const l2 = entry.l2_headings;
    if (l2 && l2.length !== entry.l1_headings.length)
      throw new GoldError(
        `gold entry ${i + 1} (${entry.file}): l2_headings has ${l2.length} lists for ${entry.l1_headings.length} level-1 headings`,
      );
    return entry;
  });
}
