import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CleaningRulesError,
  DEFAULT_RULES_PATH,
  loadCleaningRules,
  parseCleaningRules,
} from "../../data-loaders/clean/rules.ts";

test("the shipped rule table loads: version, unique snake_case ids, compiled patterns", () => {
  const rules = loadCleaningRules();
  assert.equal(rules.version, 2);
  const ids = rules.rules.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of [
    "promo_block",
    "generated_by_site",
    "scraper_meta",
    "url",
    "html_script",
    "html_tag",
    "page_number",
    "related_links",
    "repeated_body",
  ]) {
    assert.ok(ids.includes(id), id);
  }
  assert.equal(ids.at(-1), "repeated_body", "runs last, on what the pattern rules left");
  assert.equal(loadCleaningRules(DEFAULT_RULES_PATH), rules, "cached");
});

const good = { id: "x_rule", kind: "line", pattern: "^a$", description: "d" };

test("malformed rules fail at load time with the file and the rule named", () => {
  const cases: [unknown, RegExp][] = [
    [
      { version: 1, rules: [{ ...good, pattern: undefined }] },
      /rules\.yaml: rule "x_rule" \(#1\): pattern: Required/,
    ],
    [
      { version: 1, rules: [good, { ...good, id: "bad_re", pattern: "(unclosed" }] },
      /rule "bad_re" \(#2\): invalid regular expression/,
    ],
    [{ version: 1, rules: [{ ...good, kind: "fuzzy" }] }, /rule "x_rule" \(#1\): .*kind/],
    [{ version: 1, rules: [good, good] }, /rule "x_rule" \(#2\): duplicate id/],
    [{ version: 1, rules: [{ ...good, flags: "g" }] }, /flags may only contain i, m, s/],
    [{ version: 1, rules: [{ ...good, id: "Bad Id" }] }, /snake_case/],
    [{ version: 1, rules: [{ ...good, typo_field: 1 }] }, /rule "x_rule" \(#1\): .*typo_field/],
    [{ rules: [good] }, /rules\.yaml: version: Required/],
    [{ version: 1, rules: [{ kind: "line" }] }, /rule #1:/],
  ];
  for (const [doc, message] of cases) {
    assert.throws(
      () => parseCleaningRules(doc, "lexicon/rules.yaml"),
      (err: unknown) => {
        assert.ok(err instanceof CleaningRulesError);
        assert.match(err.message, message);
        return true;
      },
    );
  }
});

test("loadCleaningRules names the file of a malformed YAML table", async () => {
  const dir = await mkdtemp(join(tmpdir(), "speech-atlas-rules-"));
  try {
    const path = join(dir, "broken-rules.yaml");
    await writeFile(
      path,
      "version: 1\nrules:\n  - id: page_no\n    kind: block\n    pattern: '^-'\n    description: no end\n",
    );
    assert.throws(
      () => loadCleaningRules(path),
      (err: Error) =>
        err.message.includes(path) && /rule "page_no" \(#1\): end: Required/.test(err.message),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
