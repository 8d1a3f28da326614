// The formulation view of the Terms page (a 提法 tracker): occurrences nested inside longer
// formulations, variants with counts, the first appearance, and the formulations a formulation
// appears with. Plain JS, no imports: runs in the browser and in Node tests.
//
// Nested occurrences: the pipeline matches all formulations together, leftmost-longest without
// overlap (data-loaders/language/formulations.ts), so 全面从严治党 inside 党要管党、全面从严治党
// is a hit of the longer formulation only. Every hit's `matched` text is known, so the forms of
// a formulation found inside another formulation's match are exactly the occurrences the
// longer match took: they are counted with the formulation here and shown apart.

const parseList = (s) => {
  try {
    return JSON.parse(s || "[]");
  } catch {
    return [];
  }
};

/** The surface forms of a formulation: canonical and variants, longest first. */
export function formsOf(f) {
  return [...new Set([f.canonical, ...parseList(f.variants)])].sort((a, b) => b.length - a.length);
}

/**
 * Occurrences of `f` inside other formulations' hits: rows shaped like hits ({speech_id,
 * sentence_id, start, end, matched, s_start, text, local}) with `nested_in` (the longer
 * formulation's id) and `nested_matched` (its matched text). Within one hit, forms are found
 * leftmost-longest without overlap, as the pipeline would have found them.
 */
export function nestedOccurrences(f, hits) {
  const forms = formsOf(f);
  const out = [];
  for (const h of hits) {
    if (h.formulation_id === f.formulation_id || h.matched.length <= forms[forms.length - 1].length)
      continue;
    for (let i = 0; i < h.matched.length;) {
      const form = forms.find((x) => h.matched.startsWith(x, i));
      if (!form) {
        i++;
        continue;
      }
      out.push({
        ...h,
        formulation_id: f.formulation_id,
        start: h.start + i,
        end: h.start + i + form.length,
        matched: form,
        local: h.start - h.s_start + i,
        nested_in: h.formulation_id,
        nested_matched: h.matched,
      });
      i += form.length;
    }
  }
  return out;
}

/** [{form, count}] of the occurrences' surface forms, most frequent first. */
export function variantCounts(occurrences, f) {
  const counts = new Map(formsOf(f).map((x) => [x, 0]));
  for (const o of occurrences) counts.set(o.matched, (counts.get(o.matched) ?? 0) + 1);
  return [...counts]
    .map(([form, count]) => ({ form, count, canonical: form === f.canonical }))
    .sort((a, b) => b.count - a.count || (a.form < b.form ? -1 : 1));
}

/** The earliest occurrence: by the speech's year (unknown last), then speech name, then offset. */
export function firstAppearance(occurrences, speechById) {
  let best = null;
  const key = (o) => {
    const s = speechById.get(o.speech_id);
    return [s?.year ?? Infinity, s?.name ?? o.speech_id, o.start];
  };
  for (const o of occurrences) {
    if (!best) {
      best = o;
      continue;
    }
    const [a, b] = [key(o), key(best)];
    if (a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])))) best = o;
  }
  return best;
}

/**
 * Formulations that appear with `f`: rows {formulation_id, sentences, sections} counting the
 * sentences and the sections (leaf sections, `section_id` of the hits) where both occur,
 * sentences first, then sections.
 */
export function cooccurring(occurrences, hits, formulationId) {
  const sentenceKey = (h) => `${h.speech_id}\u0000${h.sentence_id}`;
  const sectionKey = (h) => `${h.speech_id}\u0000${h.section_id}`;
  const mySentences = new Set(occurrences.map(sentenceKey));
  const mySections = new Set(occurrences.filter((o) => o.section_id != null).map(sectionKey));
  const by = new Map();
  for (const h of hits) {
    if (h.formulation_id === formulationId) continue;
    let e = by.get(h.formulation_id);
    if (!e) by.set(h.formulation_id, (e = { sentences: new Set(), sections: new Set() }));
    if (mySentences.has(sentenceKey(h))) e.sentences.add(sentenceKey(h));
    if (h.section_id != null && mySections.has(sectionKey(h))) e.sections.add(sectionKey(h));
  }
  return [...by]
    .map(([formulation_id, e]) => ({
      formulation_id,
      sentences: e.sentences.size,
      sections: e.sections.size,
    }))
    .filter((d) => d.sentences > 0 || d.sections > 0)
    .sort(
      (a, b) =>
        b.sentences - a.sentences ||
        b.sections - a.sections ||
        (a.formulation_id < b.formulation_id ? -1 : 1),
    );
}
