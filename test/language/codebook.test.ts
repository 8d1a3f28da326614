import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadCodebook } from "../../data-loaders/language/codebook.ts";

const dir = mkdtempSync(join(tmpdir(), "codebook-test-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));

function writeTmp(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const GOOD = `version: "9"
themes:
  - id: talent
    zh: 人才
    en: Talent
    description: Talent work.
    terms: [人才, 引才]
  - id: cadres
    zh: 干部
    en: Cadres
    description: Cadre work.
    terms: [选人用人]
    patterns: ["评价干部"]
`;

test("the shipped codebook loads and is well formed", () => {
  const cb = loadCodebook();
  assert.match(cb.version, /^\d+\.\d+\.\d+$/);
  assert.ok(cb.themes.length >= 10);
  assert.equal(new Set(cb.themes.map((t) => t.id)).size, cb.themes.length);
  const all = cb.themes.flatMap((t) => t.terms);
  assert.equal(new Set(all).size, all.length, "no term in two themes");
  for (const t of cb.themes)
    for (const p of t.patterns) assert.doesNotThrow(() => new RegExp(p, "gu"));
});

test("a valid tmp file parses, with defaults and the version as a string", () => {
  const cb = loadCodebook(writeTmp("good.yaml", GOOD));
  assert.equal(cb.version, "9");
  assert.deepEqual(cb.themes[0]!.patterns, []);
  assert.deepEqual(cb.themes[1]!.patterns, ["评价干部"]);
});

function assertFails(name: string, text: string, line: number, what: RegExp) {
  const path = writeTmp(name, text);
  assert.throws(
    () => loadCodebook(path),
    (e: Error) => {
      assert.ok(
        e.message.includes(`${path}:${line}:`),
        `expected ${path}:${line} in:\n${e.message}`,
      );
      assert.match(e.message, what);
      return true;
    },
  );
}

test("YAML syntax errors name the file and line", () => {
  // A duplicated key on line 7 (YAML forbids it; a silent last-wins would hide an edit).
  assertFails(
    "dupkey.yaml",
    GOOD.replace(
      "    description: Talent work.\n",
      "    description: Talent work.\n    zh: 人材\n",
    ),
    7,
    /YAML syntax.*unique/,
  );
  // An unclosed flow sequence opened on line 7 is detected where the parser gives up (line 8).
  assertFails(
    "syntax.yaml",
    GOOD.replace("terms: [人才, 引才]", "terms: [人才, 引才"),
    8,
    /YAML syntax/,
  );
});

test("schema errors name the file, line and field", () => {
  // Missing `en` in the second theme: reported at the theme (line 8).
  assertFails("missing.yaml", GOOD.replace("    en: Cadres\n", ""), 8, /themes\.1\.en/);
  // Empty term on line 7.
  assertFails(
    "empty.yaml",
    GOOD.replace("terms: [人才, 引才]", 'terms: [人才, ""]'),
    7,
    /themes\.0\.terms\.1.*non-empty/,
  );
  // Bad id on line 3.
  assertFails("id.yaml", GOOD.replace("id: talent", "id: Talent Work"), 3, /snake_case/);
  // Unknown key (a typo must not silently drop a term list) on line 7.
  assertFails("typo.yaml", GOOD.replace("terms: [人才, 引才]", "termz: [人才, 引才]"), 3, /termz/);
});

test("invalid or empty-matching regex patterns are rejected at their line", () => {
  assertFails(
    "regex.yaml",
    GOOD.replace('patterns: ["评价干部"]', 'patterns: ["评价(干部"]'),
    13,
    /invalid regex/,
  );
  assertFails(
    "regex-empty.yaml",
    GOOD.replace('patterns: ["评价干部"]', 'patterns: ["(?:干部)?"]'),
    13,
    /empty string/,
  );
});

test("a term in two themes is rejected, naming both themes and the line", () => {
  assertFails(
    "dup.yaml",
    GOOD.replace("terms: [选人用人]", "terms: [选人用人, 人才]"),
    12,
    /人才 of cadres is already in talent/,
  );
  assertFails(
    "dup-id.yaml",
    GOOD.replace("id: cadres", "id: talent").replace("[选人用人]", "[选人]"),
    8,
    /duplicate theme id talent/,
  );
});
