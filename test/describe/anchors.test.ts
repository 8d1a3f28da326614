// lexicon/anchors.yaml: valid as shipped, and a malformed entry is reported by file and line.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AnchorsFileError,
  compileAnchors,
  findAnchorHits,
  loadAnchorSet,
  loadAnchors,
  parseAnchors,
} from "../../data-loaders/describe/index.ts";

test("the shipped anchors load, with unique ids and sane windows", () => {
  const set = loadAnchorSet();
  assert.ok(set.version >= 1);
  assert.ok(set.anchors.length >= 40);
  assert.equal(new Set(set.anchors.map((a) => a.id)).size, set.anchors.length);
  for (const a of set.anchors) {
    assert.ok(a.not_before !== null || a.not_after !== null, a.id);
    if (a.year !== null) assert.deepEqual([a.not_before, a.not_after], [a.year, a.year], a.id);
  }
});

test("anchors match across quotes and full-width digits", () => {
  const compiled = compileAnchors(loadAnchors());
  const text = "今年是“十三五”规划的收官之年，我们党已有９８００多万名党员。";
  const hits = findAnchorHits(text, compiled);
  const ids = hits.map((h) => h.anchor.id);
  assert.ok(ids.includes("fyp13_final_year"));
  assert.ok(ids.includes("members_9804"));
  for (const h of hits) assert.ok(text.slice(h.start, h.end).length > 0);
  const final = hits.find((h) => h.anchor.id === "fyp13_final_year");
  assert.equal(final && text.slice(final.start, final.end), "十三五”规划的收官之年");
});

function errorOf(yamlText: string): AnchorsFileError {
  try {
    parseAnchors(yamlText, "lexicon/anchors.yaml");
  } catch (e) {
    assert.ok(e instanceof AnchorsFileError, String(e));
    return e;
  }
  assert.fail("expected an error");
}

const HEAD = ["version: 1", "anchors:", "  - {id: ok_one, phrases: [甲], year: 2020}"];

test("malformed entries name the file and the line", () => {
  const cases: [string[], number, RegExp][] = [
    [[...HEAD, "  - {id: no_date, phrases: [乙]}"], 4, /needs year/],
    [[...HEAD, "  - id: bad_year", "    phrases: [乙]", "    year: twenty"], 6, /number/i],
    [[...HEAD, '  - {id: bad_re, pattern: "([", not_before: 2020}'], 4, /invalid pattern/],
    [[...HEAD, "  - {id: ok_one, phrases: [丙], year: 2021}"], 4, /duplicate id/],
    [
      [...HEAD, "  - {id: backwards, phrases: [丁], not_before: 2022, not_after: 2020}"],
      4,
      /not_before is after/,
    ],
    [[...HEAD, "  - {id: extra, phrases: [戊], year: 2020, yaer: 2021}"], 4, /yaer|unrecognized/i],
    [[...HEAD, "  - {id: Bad-Id, phrases: [己], year: 2020}"], 4, /snake/],
    [
      [...HEAD, "  - {id: both, phrases: [庚], year: 2020, not_before: 2019}"],
      4,
      /either year or a window/,
    ],
  ];
  for (const [lines, line, message] of cases) {
    const err = errorOf(lines.join("\n"));
    assert.equal(err.file, "lexicon/anchors.yaml");
    assert.equal(err.line, line, `${err.message}`);
    assert.match(err.message, /^lexicon\/anchors\.yaml:\d+: /);
    assert.match(err.message, message);
  }
});

test("YAML syntax errors name the line too", () => {
  const err = errorOf([...HEAD, "  - {id: broken, phrases: [甲, year: 2020"].join("\n"));
  assert.ok(err.line >= 4, err.message);
});

test("loadAnchors reads a given path and labels errors with it", () => {
  const dir = mkdtempSync(join(tmpdir(), "anchors-"));
  const good = join(dir, "good.yaml");
  writeFileSync(good, HEAD.join("\n"));
  assert.deepEqual(
    loadAnchors(good).map((a) => a.id),
    ["ok_one"],
  );
  const bad = join(dir, "bad.yaml");
  writeFileSync(bad, [...HEAD, "  - {id: no_date, phrases: [乙]}"].join("\n"));
  assert.throws(
    () => loadAnchors(bad),
    (e: unknown) => e instanceof AnchorsFileError && /bad\.yaml:4:/.test(e.message),
  );
});
