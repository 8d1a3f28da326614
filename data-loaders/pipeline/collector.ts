// Main-process side of the per-file phase: what the corpus-level steps need from each outcome
// (manifest fields, speech row, text digest, MinHash signature, candidate occurrences) and
// where its cache entry is; texts and rows stay on disk. Outcomes may arrive in any order:
// everything is keyed by path index.
import { readFileSync } from "node:fs";
import type { ManifestRow } from "../types.ts";
import type { FileOutcome, ReadableOutcome } from "./file-work.ts";

export type CollectedSpeech = ReadableOutcome & { index: number };

export class Collector {
  readonly quarantined = new Map<number, ManifestRow>();
  readonly readable = new Map<number, CollectedSpeech>();

  add(index: number, outcome: FileOutcome): void {
    if (outcome.kind === "quarantined") this.quarantined.set(index, outcome.row);
    else this.readable.set(index, { ...outcome, index });
  }

  /** A speech's cleaned text, read back from its entry (texts are not kept in memory). */
  textOf(s: Pick<CollectedSpeech, "entry">): string {
    return readFileSync(s.entry.text, "utf8");
  }
}
