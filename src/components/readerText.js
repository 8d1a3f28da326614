// The full text of one speech for the reader, built from its sentences with DOM text nodes only
// (never innerHTML): whatever the corpus contains — <script>, <img onerror> — shows as text.
//
// Structure: one <section id="sec-<id>"> per outline node in reading order; leaves hold their
// sentences as <span id="s-<sentence_id>">. Formulation hits become <mark title="canonical — gloss">,
// and a highlight range (?hl=start-end, UTF-16 offsets of the cleaned text) becomes <mark class="atlas-hl">.
// Passages shared with other speeches (data.reuse) are a layer inside: the text of sentences and
// marks is split at every passage boundary and the reused pieces become
// <span class="atlas-reuse" data-start data-end data-passages>, so marks are never cut in two.
// Each leaf carries its dominant theme as a coloured margin and label.
import { markReuseTarget, parseReuseHash, pieceTitle, reuseSegments } from "./reuse.js";

/**
 * @param data the speech JSON of src/data/speech/[speech].json.ts
 * @param options {colorOf: Map theme_id → colour, highlight?: [start, end]}
 */
export function readerText(data, { colorOf, highlight } = {}) {
  const formulationOf = new Map(data.formulations.map((f) => [f.formulation_id, f]));
  const themeOf = new Map(data.themes.map((t) => [t.theme_id, t]));
  const dominantOf = new Map(
    data.theme_scores
      .filter((d) => d.dominant && d.hits > 0 && d.section_id !== "_all")
      .map((d) => [d.section_id, d]),
  );
  const sentencesOf = group(data.sentences, (s) => s.section_id);
  const hitsOf = group(data.hits, (h) => h.sentence_id);
  const passages = data.reuse ?? [];
  const reuse = { passages, segments: reuseSegments(passages), starts: new Set() };

  const root = el("div", "atlas-reader");
  const nodes = new Map();
  for (const section of data.sections) {
    const node = el("section", `atlas-sec level-${section.level} kind-${section.kind}`);
    node.id = `sec-${section.section_id}`;
    node.dataset.section = section.section_id;
    nodes.set(section.section_id, node);
    (nodes.get(section.parent_id) ?? root).append(node);
    if (!section.is_leaf) continue;
    const dominant = dominantOf.get(section.section_id);
    if (dominant) {
      const theme = themeOf.get(dominant.theme_id);
      const color = colorOf?.get(dominant.theme_id) ?? "#999";
      node.style.borderLeftColor = color;
      node.classList.add("has-theme");
      const tag = el("div", "atlas-theme-tag");
      tag.style.color = color;
      tag.title = `段落主导主题 dominant theme of section ${section.section_id}: ${theme?.en ?? dominant.theme_id} (命中 hits ${dominant.hits})`;
      tag.append(text(`${section.section_id} · ${theme?.zh ?? dominant.theme_id}`));
      node.append(tag);
    }
    const body = el("p", "atlas-sec-text");
    for (const sentence of sentencesOf.get(section.section_id) ?? []) {
      body.append(
        renderSentence(
          sentence,
          hitsOf.get(sentence.sentence_id) ?? [],
          formulationOf,
          section,
          highlight,
          reuse,
        ),
      );
    }
    node.append(body);
  }
  return root;
}

function renderSentence(sentence, hits, formulationOf, section, highlight, reuse) {
  const span = el("span", "atlas-sentence");
  span.id = `s-${sentence.sentence_id}`;
  const inHeading =
    section.heading_start != null &&
    sentence.start < section.heading_end &&
    sentence.end > section.heading_start;
  if (inHeading) span.classList.add("atlas-heading");
  // Marks in offset order; overlapping ones are dropped (the longest first match wins).
  const marks = [];
  for (const h of hits) {
    const f = formulationOf.get(h.formulation_id);
    marks.push({
      start: h.start,
      end: h.end,
      cls: "atlas-hit",
      title: f ? `${f.canonical} — ${f.gloss_en ?? ""}` : h.formulation_id,
      formulation: h.formulation_id,
    });
  }
  if (highlight && highlight[0] < sentence.end && highlight[1] > sentence.start) {
    marks.unshift({
      start: Math.max(highlight[0], sentence.start),
      end: Math.min(highlight[1], sentence.end),
      cls: "atlas-hl",
      title: "检索位置 searched spot",
    });
  }
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  const segments = reuse.segments.filter((g) => g.start < sentence.end && g.end > sentence.start);
  const put = (parent, from, to) => appendReused(parent, sentence, from, to, segments, reuse);
  let at = sentence.start;
  for (const m of marks) {
    if (m.start < at) continue;
    if (m.start > at) put(span, at, m.start);
    const mark = el("mark", m.cls);
    mark.title = m.title;
    if (m.formulation) mark.dataset.formulation = m.formulation;
    put(mark, m.start, m.end);
    span.append(mark);
    at = m.end;
  }
  if (at < sentence.end) put(span, at, sentence.end);
  return span;
}

/** Appends the sentence's text [from, to) to `parent`, its reused stretches as atlas-reuse pieces. */
function appendReused(parent, sentence, from, to, segments, reuse) {
  const slice = (a, b) => text(sentence.text.slice(a - sentence.start, b - sentence.start));
  let at = from;
  for (const g of segments) {
    const start = Math.max(g.start, at);
    const end = Math.min(g.end, to);
    if (start >= end) continue;
    if (start > at) parent.append(slice(at, start));
    const piece = el("span", "atlas-reuse");
    piece.dataset.start = start;
    piece.dataset.end = end;
    piece.dataset.passages = g.passages.join(" ");
    piece.title = pieceTitle(g.passages.map((i) => reuse.passages[i]));
    // One keyboard stop per passage (at its first piece), not one per fragment between marks.
    const opening = g.passages.find((i) => !reuse.starts.has(i));
    if (opening !== undefined) {
      for (const i of g.passages) reuse.starts.add(i);
      piece.tabIndex = 0;
      piece.setAttribute("role", "button");
      piece.setAttribute("aria-haspopup", "dialog");
      piece.setAttribute("aria-expanded", "false");
    }
    piece.append(slice(start, end));
    parent.append(piece);
    at = end;
  }
  if (at < to) parent.append(slice(at, to));
}

/** The outline as nested lists of links to #sec-<id> (intro leaves are implicit, not listed). */
export function outlineTree(sections) {
  const KIND = { preamble: "开头 Preamble", closing: "结尾 Closing" };
  const lists = new Map();
  const root = el("ul", "atlas-outline");
  for (const s of sections) {
    if (s.kind === "intro") continue;
    const li = el("li");
    const a = el("a");
    a.href = `#sec-${s.section_id}`;
    a.append(text(s.heading ?? KIND[s.kind] ?? s.section_id));
    li.append(a);
    (lists.get(s.parent_id) ?? root).append(li);
    const ul = el("ul");
    li.append(ul);
    lists.set(s.section_id, ul);
  }
  for (const ul of lists.values()) if (!ul.childElementCount) ul.remove();
  return root;
}

/**
 * Scrolls to the element named by location.hash and flashes it (content renders after load); a
 * #reuse-<start>-<end> hash marks the reused passage at those offsets and scrolls to its start.
 */
export function revealHash() {
  const id = decodeURIComponent(location.hash.slice(1));
  const passage = parseReuseHash(id);
  const reader = document.querySelector(".atlas-reader");
  const target = passage
    ? reader && markReuseTarget(reader, passage)
    : id && document.getElementById(id);
  if (!target) return;
  target.scrollIntoView({ block: "center" });
  target.classList.remove("atlas-flash");
  void target.offsetWidth; // restart the animation
  target.classList.add("atlas-flash");
}

/** "?hl=120-124" → [120, 124], else null. */
export function parseHighlight(search) {
  const m = /^(\d+)-(\d+)$/.exec(new URLSearchParams(search).get("hl") ?? "");
  return m && +m[1] < +m[2] ? [+m[1], +m[2]] : null;
}

function group(rows, key) {
  const map = new Map();
  for (const r of rows) {
    const k = key(r);
    if (!map.has(k)) map.set(k, []);
    map.get(k).push(r);
  }
  return map;
}

function el(tag, className) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

function text(s) {
  return document.createTextNode(s ?? "");
}
