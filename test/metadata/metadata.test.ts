import assert from "node:assert/strict";
import { test } from "node:test";
import {
  applyMetadata,
  DISAGREES_FLAG,
  MetadataFormatError,
  parseCsv,
  parseMetadata,
  type SpeechMetadata,
} from "../../data-loaders/metadata/index.ts";
import type { SpeechRow } from "../../data-loaders/types.ts";

const LISTED = ["a.txt", "sub/b.txt", "讲话/c.md"];

test("parseCsv: quotes, doubled quotes, fields across lines, CRLF, BOM, line numbers", () => {
  const text = '\ufeffpath,title\r\na.txt,"Say ""hi"", then"\r\n\r\nsub/b.txt,"two\nlines"\nlast,x';
  assert.deepEqual(parseCsv(text), [
    { line: 1, cells: ["path", "title"] },
    { line: 2, cells: ["a.txt", 'Say "hi", then'] },
    { line: 4, cells: ["sub/b.txt", "two\nlines"] },
    { line: 6, cells: ["last", "x"] },
  ]);
});

test("parseMetadata: known fields in English or Chinese, extra columns kept as written", () => {
  const csv = [
    "文件,标题,讲话人,日期,层级,体裁,地点,source_url",
    "./a.txt,甲的讲话,市委书记,2019年3月5日,市,讲话,杭州,http://example/a",
    "sub\\b.txt,,,2020-07,province,report,,",
  ].join("\n");
  const { entries, rejected, extraColumns } = parseMetadata(csv, LISTED);
  assert.deepEqual(rejected, []);
  assert.deepEqual(extraColumns, ["source_url"]);
  assert.deepEqual(entries.get("a.txt"), {
    line: 2,
    path: "a.txt",
    title: "甲的讲话",
    speaker: "市委书记",
    date: "2019-03-05",
    year: 2019,
    level: "city",
    genre: "conference_speech",
    place: "杭州",
    extra: { source_url: "http://example/a" },
  });
  assert.deepEqual(entries.get("sub/b.txt"), {
    line: 3,
    path: "sub/b.txt",
    date: "2020-07",
    year: 2020,
    level: "province",
    genre: "report",
    extra: {},
  });
});

test("parseMetadata: bad rows are reported with their line and skipped, the others kept", () => {
  const csv = [
    "path,year,level,date",
    "missing.txt,2019,,", // 2: unknown file
    "a.txt,19x7,,", // 3: bad year
    "sub/b.txt,2019,village,", // 4: unknown level
    "讲话/c.md,2018,county,2019-01-01", // 5: year and date disagree
    "a.txt,1850,,", // 6: out of range
    "a.txt,2001,,2001-02-30", // 7: no such day
    "a.txt,2001,中央,", // 8: fine
    "a.txt,2002,,", // 9: described twice
    ",2002,,", // 10: no path
  ].join("\n");
  const { entries, rejected } = parseMetadata(csv, LISTED);
  assert.deepEqual(
    rejected.map((r) => r.line),
    [2, 3, 4, 5, 6, 7, 9, 10],
  );
  assert.match(rejected[0]!.reason, /unknown file "missing.txt"/);
  assert.match(rejected[1]!.reason, /bad year "19x7"/);
  assert.match(rejected[2]!.reason, /unknown level "village"/);
  assert.match(rejected[3]!.reason, /year 2018 and date 2019-01-01 disagree/);
  assert.match(rejected[4]!.reason, /between 1900 and 2100/);
  assert.match(rejected[5]!.reason, /day 30/);
  assert.match(rejected[6]!.reason, /already described on line 8/);
  assert.deepEqual([...entries.keys()], ["a.txt"]);
  assert.equal(entries.get("a.txt")!.level, "central");
});

test("parseMetadata: a header without a path column, or naming a field twice, is refused", () => {
  assert.throws(() => parseMetadata("title,year\nx,2019\n", LISTED), MetadataFormatError);
  assert.throws(() => parseMetadata("path,year,年份\na.txt,2019,2019\n", LISTED), /both give year/);
  assert.throws(() => parseMetadata("", LISTED), /empty/);
});

const speech = (over: Partial<SpeechRow> = {}): SpeechRow => ({
  speech_id: "s000000000001",
  source_file: "a.txt",
  source_sha256: "0".repeat(64),
  title: "在全市组织工作会议上的讲话",
  salutation: null,
  closing: null,
  genre: "conference_speech",
  level: "city",
  speaker_role: null,
  year: 2018,
  year_basis: "title",
  year_evidence: "[]",
  year_conflict: false,
  content_year: 2018,
  year_min: null,
  year_max: null,
  declared_chars: null,
  han_chars: 100,
  chars: 120,
  placeholders: 0,
  quality_flags: "removed_boilerplate",
  sections: 1,
  sentences: 2,
  metadata: null,
  ...over,
});

test("applyMetadata: given values override, basis metadata, inferred values kept, disagreement flagged", () => {
  const { entries } = parseMetadata(
    "path,title,year,level,place,note\na.txt,新标题,2019,city,杭州,第二稿\n",
    LISTED,
  );
  const out = applyMetadata(speech(), entries.get("a.txt"), "metadata.csv");
  assert.equal(out.title, "新标题");
  assert.equal(out.year, 2019);
  assert.equal(out.year_basis, "metadata");
  assert.equal(out.content_year, 2018, "the text's own year stays");
  assert.equal(out.level, "city");
  assert.equal(out.quality_flags, `${DISAGREES_FLAG},removed_boilerplate`);
  const meta = JSON.parse(out.metadata!) as SpeechMetadata;
  assert.deepEqual(meta, {
    source: "metadata.csv",
    line: 2,
    given: { title: "新标题", year: 2019, level: "city", place: "杭州", note: "第二稿" },
    inferred: { title: "在全市组织工作会议上的讲话", year: 2018, level: "city" },
    disagrees: ["title", "year"],
  });
});

test("applyMetadata: filling an absence is not a disagreement; no entry leaves the row as it was", () => {
  const unknown = speech({
    title: null,
    year: null,
    year_basis: "unknown",
    level: "unknown",
    genre: "other",
  });
  const { entries } = parseMetadata(
    "path,title,year,level,genre\na.txt,甲,2019,county,report\n",
    LISTED,
  );
  const out = applyMetadata(unknown, entries.get("a.txt"), "m.csv");
  assert.deepEqual([out.title, out.year, out.level, out.genre], ["甲", 2019, "county", "report"]);
  assert.equal(out.quality_flags, "removed_boilerplate");
  assert.deepEqual((JSON.parse(out.metadata!) as SpeechMetadata).disagrees, []);
  assert.deepEqual(applyMetadata(speech(), undefined, "m.csv"), speech());
});
