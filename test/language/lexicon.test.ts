import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  LexiconError,
  loadLexicon,
  surfaceForms,
  THEME_IDS,
} from "../../data-loaders/language/lexicon.ts";

const lexicon = loadLexicon();
const byId = new Map(lexicon.entries.map((e) => [e.id, e]));

test("the shipped lexicon is versioned and every entry is well-formed", () => {
  assert.equal(lexicon.version, "2026.11.1");
  assert.ok(lexicon.entries.length >= 60, `only ${lexicon.entries.length} entries`);
  const forms = lexicon.entries.flatMap(surfaceForms);
  assert.equal(new Set(forms).size, forms.length, "a surface form is shared");
  assert.equal(new Set(lexicon.entries.map((e) => e.id)).size, lexicon.entries.length);
  for (const e of lexicon.entries)
    assert.ok((THEME_IDS as readonly string[]).includes(e.theme), e.id);
});

test("official full wordings fold into their formulation", () => {
  assert.ok(
    byId
      .get("two_upholds")!
      .variants.includes(
        "坚决维护习近平总书记党中央的核心、全党的核心地位，坚决维护党中央权威和集中统一领导",
      ),
  );
  assert.ok(
    byId
      .get("two_establishes")!
      .variants.includes(
        "确立习近平同志党中央的核心、全党的核心地位，确立习近平新时代中国特色社会主义思想的指导地位",
      ),
  );
  assert.deepEqual(byId.get("four_consciousnesses")!.variants, [
    "政治意识、大局意识、核心意识、看齐意识",
  ]);
  assert.deepEqual(byId.get("four_confidences")!.variants, [
    "道路自信、理论自信、制度自信、文化自信",
  ]);
  for (const canonical of [
    "三个区分开来",
    "六个体系",
    "中国特色社会主义",
    "三会一课",
    "第一议题",
    "五大振兴",
    "新时代党的组织路线",
  ]) {
    assert.ok(
      lexicon.entries.some((e) => e.canonical === canonical),
      canonical,
    );
  }
});

const HEADER = 'version: "2026.11.1"\nformulations:\n';
const entry = (id: string, canonical: string, extra = "", theme = "cadres") =>
  `  - id: ${id}\n    canonical: ${canonical}\n${extra}    theme: ${theme}\n    gloss_en: g\n`;

function errorOf(yamlText: string): { message: string; file: string } {
  const file = join(mkdtempSync(join(tmpdir(), "lexicon-test-")), "formulations.yaml");
  writeFileSync(file, yamlText, "utf8");
  try {
    loadLexicon(file);
  } catch (e) {
    assert.ok(e instanceof LexiconError, String(e));
    return { message: e.message, file };
  }
  assert.fail("expected a LexiconError");
}

test("a duplicate id names the file and the line of the second entry", () => {
  const { message, file } = errorOf(HEADER + entry("a", "甲") + entry("a", "乙"));
  assert.ok(message.startsWith(`${file}:7:`), message);
  assert.match(message, /duplicate id "a" \(first at line 3\)/);
});

test("a surface form shared by two entries is an error at the second entry", () => {
  const { message, file } = errorOf(
    HEADER + entry("a", "甲乙") + entry("b", "丙丁", "    variants: [戊, 甲乙]\n"),
  );
  assert.ok(message.startsWith(`${file}:7:`), message);
  assert.match(message, /"甲乙" of "b" is already a form of "a" \(line 3\)/);
});

test("a malformed entry points at the bad field", () => {
  const badTheme = errorOf(HEADER + entry("a", "甲") + entry("b", "乙", "", "cadrez"));
  assert.ok(badTheme.message.startsWith(`${badTheme.file}:9:`), badTheme.message);
  assert.match(badTheme.message, /theme/);

  const emptyVariant = errorOf(HEADER + entry("a", "甲", '    variants: [乙, ""]\n'));
  assert.ok(emptyVariant.message.startsWith(`${emptyVariant.file}:5:`), emptyVariant.message);

  const badId = errorOf(HEADER + entry("Two-Upholds", "两个维护"));
  assert.ok(badId.message.startsWith(`${badId.file}:3:`), badId.message);
  assert.match(badId.message, /ascii slug/);

  const missingGloss = errorOf(HEADER + "  - id: a\n    canonical: 甲\n    theme: cadres\n");
  assert.ok(missingGloss.message.startsWith(`${missingGloss.file}:3:`), missingGloss.message);
  assert.match(missingGloss.message, /gloss_en/);
});

test("broken YAML and a bad version are reported with a line", () => {
  const syntax = errorOf(HEADER + entry("a", "甲") + "  - id: b\n    canonical: [乙\n");
  assert.match(syntax.message, /^.*formulations\.yaml:\d+: invalid YAML/);
  const version = errorOf('version: "v1"\nformulations:\n' + entry("a", "甲"));
  assert.match(version.message, /:1: version/);
});
