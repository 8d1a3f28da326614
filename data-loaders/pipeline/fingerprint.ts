// What per-speech results depend on besides the input file: the pipeline version, the versions
// declared inside the lexicon files and the exact bytes of every file in lexicon/ (a version
// someone forgot to bump still changes the hash). Part of every cache key.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { compareCodePoints } from "../language/order.ts";

export const LEXICON_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "lexicon");

export function contextFingerprint(
  versions: Record<string, string>,
  lexiconDir = LEXICON_DIR,
): string {
  const hash = createHash("sha256");
  hash.update(JSON.stringify(Object.entries(versions).sort(([a], [b]) => compareCodePoints(a, b))));
  for (const name of readdirSync(lexiconDir).sort(compareCodePoints)) {
    hash.update(`\0${name}\0`);
    hash.update(readFileSync(join(lexiconDir, name)));
  }
  return hash.digest("hex");
}
