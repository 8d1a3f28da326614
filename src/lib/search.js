// Resolves what the user typed on the Terms page: a formulation of the lexicon (its canonical
// form or any variant, e.g. 两个维护 or its full wording) or else a plain literal string.

/** Whitespace (incl. full-width) is not part of a Chinese formulation: compare without it. */
const squash = (s) => String(s ?? "").replace(/[\s\u3000]+/g, "");

/**
 * @param q the typed text
 * @param formulations rows {formulation_id, canonical, variants (JSON array)}
 * @returns {kind: "formulation", formulation, via} | {kind: "term", term} | {kind: "empty"}
 */
export function resolveSearch(q, formulations) {
  const text = squash(q);
  if (!text) return { kind: "empty" };
  for (const f of formulations) {
    if (squash(f.canonical) === text) return { kind: "formulation", formulation: f, via: null };
  }
  for (const f of formulations) {
    let variants = [];
    try {
      variants = JSON.parse(f.variants || "[]");
    } catch {
      variants = [];
    }
    const hit = variants.find((v) => squash(v) === text);
    if (hit) return { kind: "formulation", formulation: f, via: hit };
  }
  return { kind: "term", term: String(q).trim() };
}
