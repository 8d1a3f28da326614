// The briefing's text-reuse figures (scripts/report/reuse.ts) on hand-made rows, and `npm run
// report` end to end on the government reports, which share stock passages: a reuse page, the
// two reuse charts and example passages with both sides' titles, each side's text taken from
// the published sentences at the passage's offsets. The sample corpus shares nothing, and its
// briefing (test/report/report.test.ts) has no reuse page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { reuseFigures, reuseMarkdown, type PassageLike } from "../../scripts/report/reuse.ts";
import { readReportTables } from "../../scripts/report/tables.ts";
import { PROJECT_ROOT } from "../../scripts/site/pipeline-out.ts";
import { pipelineOutput } from "../helpers/run-cli.ts";
import { GOVREPORTS_DIR } from "../helpers/sample.ts";

const speech = (id: string, year: number, share: number, flags = "") => ({
  speech_id: id,
  title: `标题${id}`,
  year,
  han_chars: 100,
  reused_chars: share * 100,
  reused_share: share,
  reuse_sources: share ? 1 : 0,
  quality_flags: flags,
});
const passage = (a: string, b: string, start: number, chars: number, direction: string) => ({
  speech_id: a,
  start,
  end: start + chars,
  other_speech_id: b,
  other_start: 0,
  other_end: chars,
  chars,
  identity: 0.95,
  direction,
});
const sentences = (id: string, text: string) => [
  { speech_id: id, sentence_id: 0, start: 0, end: 4, text: text.slice(0, 4) },
  { speech_id: id, sentence_id: 1, start: 4, end: text.length, text: text.slice(4) },
];

test("figures: share, ranking, groups, examples from the later side with both texts", () => {
  const speeches = [
    speech("old", 2018, 0.5),
    speech("new", 2022, 0.6, "reused_from_earlier"),
    speech("alone", 2020, 0),
  ];
  const passages: PassageLike[] = [
    passage("new", "old", 2, 6, "earlier"),
    passage("old", "new", 0, 6, "later"),
  ];
  const tables = {
    speeches,
    reuseGroups: [
      { speech_id: "new", group_id: 1, group_speeches: 2, group_shared_chars: 300 },
      { speech_id: "old", group_id: 1, group_speeches: 2, group_shared_chars: 300 },
    ],
    reusePassages: passages,
    sentences: [
      ...sentences("new", "甲乙丙丁戊己庚辛壬癸"),
      ...sentences("old", "子丑寅卯辰巳午未"),
    ],
  };
  const r = reuseFigures(speeches, tables)!;
  assert.deepEqual([r.speeches, r.with_reuse, r.from_earlier, r.group_count], [3, 2, 1, 1]);
  assert.deepEqual(
    r.top.map((s) => s.speech_id),
    ["new", "old"],
  );
  // Both share 300 characters in the group: the earlier speech represents it.
  assert.equal(r.groups[0]!.representative_id, "old");
  assert.equal(r.examples.length, 1, "one example per pair of speeches");
  const e = r.examples[0]!;
  assert.deepEqual(
    [e.speech.speech_id, e.speech.text, e.other.speech_id, e.other.text, e.direction],
    ["new", "丙丁戊己庚辛", "old", "子丑寅卯辰巳", "earlier"],
  );
  const md = reuseMarkdown(r).join("\n");
  assert.match(md, /2 \/ 3 篇讲话（66\.7%）/);
  assert.match(md, /\| G1 \| 2 \| 2018–2022 \| 300 \| 标题old \(old\) \|/);
  // Only the old speech selected: the example is seen from it.
  const oldOnly = reuseFigures([speeches[0]!], tables)!;
  assert.equal(oldOnly.examples[0]!.speech.speech_id, "old");
  // Nothing shared in the selection: no figures at all.
  assert.equal(reuseFigures([speeches[2]!], tables), null);
});

test(
  "npm run report on the government reports: a reuse page, both reuse charts, example passages",
  { skip: !existsSync(GOVREPORTS_DIR) && "../shared/corpora/govreports is not here" },
  () => {
    const data = pipelineOutput(GOVREPORTS_DIR);
    const dir = join(mkdtempSync(join(tmpdir(), "speech-atlas-report-reuse-")), "briefing");
    const r = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        join(PROJECT_ROOT, "scripts", "report", "cli.ts"),
        "--data",
        data,
        "--years",
        "2004-2022",
        "--out",
        dir,
      ],
      { cwd: PROJECT_ROOT, encoding: "utf8", timeout: 300_000 },
    );
    assert.equal(r.status, 0, r.stderr);
    const meta = JSON.parse(readFileSync(join(dir, "report.json"), "utf8"));
    assert.deepEqual(
      meta.charts.map((c: { kind: string }) => c.kind),
      ["theme-heatmap", "theme-trend", "formulation-trend", "reuse-ranking", "reuse-groups"],
    );
    const tables = readReportTables(data);
    const selected = tables.speeches.filter((s) => s.year! >= 2004 && s.year! <= 2022);
    const withReuse = selected.filter((s) => Number(s.reused_share) > 0);
    assert.ok(withReuse.length >= 5, `${withReuse.length} reports with reuse`);
    assert.equal(meta.reuse.with_reuse, withReuse.length);
    assert.equal(meta.reuse.speeches, selected.length);
    assert.ok(meta.reuse.groups >= 2 && meta.reuse.examples === 3, JSON.stringify(meta.reuse));
    // The ranking chart draws the most reused reports, as many rows as bars in its CSV.
    const ranking = meta.charts.find((c: { kind: string }) => c.kind === "reuse-ranking");
    assert.equal(ranking.rows, Math.min(20, withReuse.length));
    const summary = readFileSync(join(dir, "summary.md"), "utf8");
    const section = summary.slice(summary.indexOf("## 文本复用"), summary.indexOf("## 图表"));
    assert.match(section, /### 最大的讲话组 Largest groups/);
    // Each example: both sides named with year and title; their texts are of comparable length.
    const sides = section
      .split("\n")
      .filter((l) => l.startsWith("  - "))
      .map((l) => /^ {2}- (\d{4}) · (.+?): (.+)$/.exec(l));
    assert.equal(sides.length, 6);
    for (const m of sides) {
      assert.ok(m, "year · title: text");
      assert.ok(
        tables.speeches.some((s) => s.year === Number(m![1]) && s.title === m![2]),
        m![2],
      );
      assert.ok(m![3]!.length >= 40, m![3]);
    }
    const html = readFileSync(join(dir, "briefing.html"), "utf8");
    assert.match(html, /<section class="reuse">[\s\S]*共有段落示例 Example passages/);
    // Summary, examples, reuse, five charts, the speech list.
    const info = spawnSync("pdfinfo", [join(dir, "briefing.pdf")], { encoding: "utf8" }).stdout;
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    assert.ok(pages >= 1 + 1 + 1 + 5 + 1, `${pages} pages`);
  },
);
