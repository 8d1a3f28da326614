// Access to the bundled sample corpus and its gold annotations for tests.
import { readFileSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { cleanText } from "../../data-loaders/clean/clean-text.ts";
import { normalizeText } from "../../data-loaders/ingest/normalize.ts";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SAMPLE_DIR = join(ROOT, "corpus", "sample");
export const SHARED_DIR = join(ROOT, "..", "shared");
export const GOVREPORTS_DIR = join(SHARED_DIR, "corpora", "govreports");

export interface GoldSpeech {
  file: string;
  title: string | null;
  salutation: string | null;
  closing: string | null;
  genre: string;
  level: string;
  speaker_role?: string;
  year: number;
  year_basis: string;
  year_evidence: string[];
  year_conflict: boolean;
  content_year?: number;
  declared_chars?: number;
  placeholders: number;
  boilerplate: string[];
  l1_headings: string[];
  l2_headings: string[][];
  l3_count?: number;
  section_themes: { heading: string; theme: string }[];
}

export function loadGold(): GoldSpeech[] {
  // The gold file ships in ../shared; the project keeps no copy so it cannot drift.
  return JSON.parse(readFileSync(join(SHARED_DIR, "corpus", "sample-gold.json"), "utf8"));
}

export function sampleFiles(): string[] {
  return readdirSync(SAMPLE_DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort();
}

/** The cleaned text of a sample file, through the real decode → normalize → clean path. */
export function loadSampleCleaned(file: string): string {
  return cleanText(normalizeText(readFileSync(join(SAMPLE_DIR, file), "utf8"))).text;
}
