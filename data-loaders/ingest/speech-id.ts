// Stable, content-derived speech identifiers.
import { createHash } from "node:crypto";

/**
 * `"s"` + the first 12 hex digits of sha256 over the normalized text (UTF-8). Derived from
 * content rather than file name so renaming or moving a file keeps its id, and the same speech
 * ingested from two places gets one id. 48 bits make a collision in a corpus of 10^5 speeches
 * vanishingly unlikely (~2e-5).
 */
export function speechId(normalizedText: string): string {
  return "s" + createHash("sha256").update(normalizedText, "utf8").digest("hex").slice(0, 12);
}
