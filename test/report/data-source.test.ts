// Which data a report is about when no --data or --corpus is given: $SPEECH_ATLAS_OUT when set,
// else the newer of the last site build's output and out/, else the bundled sample (said so).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chooseDataSource, SAMPLE_CORPUS } from "../../scripts/report/data-source.ts";
import {
  formulationExamples,
  kwic,
  themeExamples,
  themeTerms,
} from "../../scripts/report/examples.ts";

function fakeOutput(root: string, name: string, mtime: number): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "speeches.parquet"), "");
  writeFileSync(join(dir, "manifest.json"), "{}");
  utimesSync(join(dir, "manifest.json"), mtime, mtime);
  return dir;
}

test("options first; then a pinned output; then the newest built output; else the sample", () => {
  const root = mkdtempSync(join(tmpdir(), "report-source-"));
  const old = fakeOutput(root, "old", 1_000_000);
  const recent = fakeOutput(root, "recent", 2_000_000);
  const none = { data: null, corpus: null };
  assert.deepEqual(chooseDataSource({ data: old, corpus: null }, []), {
    kind: "data",
    dir: old,
    why: "--data",
  });
  assert.equal(chooseDataSource({ data: null, corpus: "/c" }, []).kind, "corpus");
  const candidates = [
    { dir: old, why: "out/" },
    { dir: recent, why: "the last site build (dist/)" },
    { dir: join(root, "missing"), why: "nothing here" },
  ];
  const picked = chooseDataSource(none, candidates);
  assert.equal(picked.kind === "data" && picked.dir, recent);
  const pinned = chooseDataSource(none, [
    { dir: old, why: "$SPEECH_ATLAS_OUT", pinned: true },
    ...candidates,
  ]);
  assert.equal(pinned.kind === "data" && pinned.dir, old);
  const sample = chooseDataSource(none, [{ dir: join(root, "missing"), why: "out/" }]);
  assert.equal(sample.kind === "corpus" && sample.corpus, SAMPLE_CORPUS);
  assert.match(sample.why, /nothing built yet/);
});

test("examples: KWIC with context, one per speech, most recent first, at most three", () => {
  assert.deepEqual(kwic("甲乙丙丁戊", 2, 3, 1), { left: "…乙", match: "丙", right: "丁…" });
  const speeches = [2019, 2023, 2021, 2022].map((year, i) => ({
    speech_id: `s${i}`,
    title: `讲话${i}`,
    year,
    han_chars: 100,
  }));
  const sentences = speeches.map((s) => ({
    speech_id: s.speech_id,
    sentence_id: 1,
    start: 10,
    end: 22,
    text: "坚决做到两个维护的要求",
  }));
  const hits = speeches.map((s) => ({
    speech_id: s.speech_id,
    sentence_id: 1,
    formulation_id: "two_upholds",
    start: 14,
    end: 18,
  }));
  const f = { formulation_id: "two_upholds", canonical: "两个维护" };
  const ex = formulationExamples(f, hits, sentences, speeches);
  assert.deepEqual(
    ex.map((e) => e.year),
    [2023, 2022, 2021],
  );
  assert.ok(ex.every((e) => e.match === "两个维护" && e.left === "坚决做到"));
  const theme = {
    theme_id: "t",
    zh: "主题",
    terms: JSON.stringify(["维护", "两个维护", "要(求)?"]),
  };
  assert.deepEqual(themeTerms(theme), ["两个维护", "维护"]);
  const tex = themeExamples(theme, sentences, speeches, 2);
  assert.deepEqual(
    tex.map((e) => [e.year, e.match]),
    [
      [2023, "两个维护"],
      [2022, "两个维护"],
    ],
  );
});
