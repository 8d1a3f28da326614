// The segment stage's contract as one checker, shared by the example and property tests.
import assert from "node:assert/strict";
import type { Segmentation } from "../../data-loaders/segment/index.ts";

export function assertSegmentationContract(
  text: string,
  { sections, sentences }: Segmentation,
): void {
  const byId = new Map(sections.map((s) => [s.section_id, s]));
  assert.equal(byId.size, sections.length, "section ids are unique");
  sections.forEach((s, i) => assert.equal(s.seq, i, "rows are in pre-order"));

  // Leaves partition [0, text.length).
  const leaves = sections.filter((s) => s.is_leaf).sort((a, b) => a.start - b.start);
  let at = 0;
  for (const leaf of leaves) {
    assert.equal(leaf.start, at, `leaf ${leaf.section_id} starts where the previous ended`);
    assert.ok(leaf.end > leaf.start, `leaf ${leaf.section_id} is not empty`);
    at = leaf.end;
  }
  assert.equal(at, text.length, "leaves reach the end of the text");

  for (const s of sections) {
    const children = sections.filter((c) => c.parent_id === s.section_id);
    assert.equal(s.is_leaf, children.length === 0, `is_leaf of ${s.section_id}`);
    if (children.length > 0) {
      // A parent is the union of its children.
      assert.equal(children[0]!.start, s.start, `${s.section_id} starts with its first child`);
      assert.equal(
        children[children.length - 1]!.end,
        s.end,
        `${s.section_id} ends with its last child`,
      );
      children
        .slice(1)
        .forEach((c, i) =>
          assert.equal(c.start, children[i]!.end, `children of ${s.section_id} are contiguous`),
        );
    }
    if (s.parent_id !== null) {
      const parent = byId.get(s.parent_id);
      assert.ok(parent, `parent of ${s.section_id} exists`);
      assert.ok(
        parent.start <= s.start && s.end <= parent.end,
        `${s.section_id} lies inside its parent`,
      );
      assert.equal(s.level, parent.level + 1, `level of ${s.section_id}`);
      assert.ok(
        s.section_id.startsWith(`${parent.section_id}.`),
        `id of ${s.section_id} extends its parent's`,
      );
    }
    assert.ok(s.level >= 0 && s.level <= 3, "levels 0 (preamble, closing) to 3");
    if (s.kind === "heading") {
      assert.ok(s.heading_start !== null && s.heading_end !== null);
      assert.equal(s.heading_start, s.start, "a heading opens its section");
      assert.ok(s.heading_end > s.heading_start && s.heading_end <= s.end);
      assert.equal(s.heading, text.slice(s.heading_start, s.heading_end));
      assert.ok(s.ordinal >= 1 && s.level >= 1 && s.level <= 3);
    } else {
      assert.equal(s.heading, null);
      assert.equal(s.heading_start, null);
    }
    if (s.kind === "preamble" || s.kind === "closing") assert.equal(s.parent_id, null);
  }

  // Sentences partition each leaf and reproduce the text.
  const leafIds = new Set(leaves.map((l) => l.section_id));
  let pos = 0;
  sentences.forEach((sentence, i) => {
    assert.equal(sentence.sentence_id, i);
    assert.equal(sentence.start, pos, "sentences are contiguous");
    assert.ok(sentence.end > sentence.start);
    assert.equal(sentence.text, text.slice(sentence.start, sentence.end));
    const leaf = byId.get(sentence.section_id);
    assert.ok(leaf && leafIds.has(sentence.section_id), "a sentence belongs to a leaf");
    assert.ok(
      leaf.start <= sentence.start && sentence.end <= leaf.end,
      "a sentence stays inside its leaf",
    );
    pos = sentence.end;
  });
  assert.equal(pos, text.length);
  assert.equal(sentences.map((s) => s.text).join(""), text);
}
