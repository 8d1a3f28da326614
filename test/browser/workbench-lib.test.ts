// The pure modules behind the Terms page's concordance and then-versus-now comparison
// (src/lib/concordance.js, src/lib/compareGroups.js), in Node.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  compareLeft,
  concordanceCsv,
  concordanceLine,
  sortConcordance,
} from "../../src/lib/concordance.js";
import {
  describeGroup,
  distinctive,
  groupPredicate,
  isFragment,
  logOddsInputCsv,
  parseYearRange,
  statements,
  sumCounts,
} from "../../src/lib/compareGroups.js";
import {
  cooccurring,
  firstAppearance,
  formsOf,
  nestedOccurrences,
  variantCounts,
} from "../../src/lib/formulationView.js";

const SENTENCE = "全面依法治国深入实施，全面从严治党向纵深推进。";

test("concordanceLine: the left context ends with the characters just before the keyword", () => {
  const at = SENTENCE.indexOf("全面从严治党");
  const line = concordanceLine(SENTENCE, at, at + 6, 5);
  assert.deepEqual(line, {
    left: "治国深入实施，".slice(-5),
    keyword: "全面从严治党",
    right: "向纵深推进",
    cutLeft: true,
    cutRight: true,
  });
  assert.ok(SENTENCE.slice(0, at).endsWith(line.left));
  const whole = concordanceLine(SENTENCE, at, at + 6, 40);
  assert.equal(whole.left, SENTENCE.slice(0, at));
  assert.equal(whole.cutLeft, false);
});

test("sortConcordance: by year (document order), speech, left context from the keyword outward, right context", () => {
  const mk = (year: number, name: string, start: number, left: string, right: string) => ({
    year,
    name,
    speech_id: name,
    start,
    left,
    right,
  });
  const lines = [
    mk(2020, "b", 5, "深入实施", "向纵深"),
    mk(2018, "a", 9, "坚持", "不动摇"),
    mk(2018, "a", 2, "推进", "取得"),
    mk(2019, "c", 1, "实施", "工作"),
  ];
  const key = (rows: typeof lines) => rows.map((d) => `${d.name}${d.start}`);
  assert.deepEqual(key(sortConcordance(lines)), ["a2", "a9", "c1", "b5"]);
  assert.deepEqual(key(sortConcordance(lines, "speech")), ["a2", "a9", "b5", "c1"]);
  // 实施 and 深入实施 end alike: adjacent; 持 < 施 < 进 by their last character.
  assert.deepEqual(key(sortConcordance(lines, "left")), ["a9", "c1", "b5", "a2"]);
  assert.deepEqual(key(sortConcordance(lines, "right")), ["a9", "a2", "b5", "c1"]);
  assert.ok(compareLeft("实施", "深入实施") < 0 && compareLeft("深入实施", "实施") > 0);
  assert.throws(() => sortConcordance(lines, "nope"));
});

test("concordanceCsv: BOM, header, quoting, formula-safe cells, one line per occurrence", () => {
  const csv = concordanceCsv([
    {
      speech_id: "s1",
      year: 2019,
      title: '报告,"二"',
      source_file: "a.txt",
      sentence_id: 3,
      start: 10,
      end: 16,
      left: "=SUM(1)",
      keyword: "全面从严治党",
      right: "",
    },
  ]);
  assert.ok(
    csv.startsWith(
      "\ufeffspeech_id,year,title,source_file,sentence_id,start,end,left,keyword,right,nested_in\r\n",
    ),
  );
  assert.ok(csv.includes(`s1,2019,"报告,""二""",a.txt,3,10,16,'=SUM(1),全面从严治党,,\r\n`));
});

const SPEECHES = [
  { speech_id: "a", year: 1954, level: "central", genre: "report", speaker_role: "总理" },
  { speech_id: "b", year: 1978, level: "province", genre: "report", speaker_role: null },
  {
    speech_id: "c",
    year: 2013,
    level: "central",
    genre: "conference_speech",
    speaker_role: "总理",
  },
  { speech_id: "d", year: null, level: "central", genre: "report", speaker_role: null },
];
const ids = (spec: Parameters<typeof groupPredicate>[0]) =>
  SPEECHES.filter(groupPredicate(spec)).map((d) => d.speech_id);

test("groupPredicate: year ranges, levels, genres, speakers, speeches; criteria combine with AND", () => {
  assert.deepEqual(ids({ years: [1954, 1978] }), ["a", "b"]);
  assert.deepEqual(ids({ years: [1960, null] }), ["b", "c"]);
  assert.deepEqual(ids({ levels: ["central"] }), ["a", "c", "d"]);
  assert.deepEqual(ids({ years: [1900, 2100], levels: ["central"] }), ["a", "c"]);
  assert.deepEqual(ids({ genres: ["report"], speakers: ["总理"] }), ["a"]);
  assert.deepEqual(ids({ speeches: ["d", "b"] }), ["b", "d"]);
  assert.deepEqual(ids({}), [], "an empty form is no speech, not every speech");
  assert.deepEqual(parseYearRange("1954-1978"), [1954, 1978]);
  assert.deepEqual(parseYearRange(" 1990 "), [1990, 1990]);
  assert.deepEqual(parseYearRange("2013–"), [2013, null]);
  assert.equal(parseYearRange("abc"), null);
  assert.equal(describeGroup({ years: [1954, 1978], levels: ["central"] }), "1954–1978 · central");
});

test("isFragment: single Han characters and numeral fragments, unless in the lexicon", () => {
  for (const t of ["侧", "年", "一九五", "1954", "一九五四年", "二〇一三", "百分之"].slice(0, 6))
    assert.ok(isFragment(t), t);
  for (const t of ["工业", "全面从严治党", "五年计划", "第一个"]) assert.ok(!isFragment(t), t);
  assert.ok(!isFragment("十四五", new Set(["十四五"])));
  assert.ok(isFragment("十四五"));
});

test("logOddsInputCsv: every corpus term; B = the rest is corpus − A; totals add up", () => {
  const corpus = { terms: ["甲", "乙", 'a,"b'], counts: [10, 5, 2] };
  const a = new Map([["甲", 4]]);
  assert.equal(
    logOddsInputCsv(corpus, a, null),
    'term,count_a,count_b,prior\n甲,4,6,10\n乙,0,5,5\n"a,""b",0,2,2\n',
  );
  assert.equal(
    logOddsInputCsv(corpus, a, new Map([["乙", 1]])),
    'term,count_a,count_b,prior\n甲,4,0,10\n乙,0,1,5\n"a,""b",0,0,2\n',
  );
  assert.deepEqual(
    sumCounts([
      new Map([["x", 1]]),
      new Map([
        ["x", 2],
        ["y", 1],
      ]),
    ]),
    new Map([
      ["x", 3],
      ["y", 1],
    ]),
  );
});

test("distinctive: fragments, minimum count and |z| floor applied; top n of each side, strongest first", () => {
  const rows = [
    { term: "工业", z: 7.8, count_a: 496, count_b: 22 },
    { term: "侧", z: 5, count_a: 30, count_b: 0 },
    { term: "苏联", z: 5.6, count_a: 3, count_b: 0 },
    { term: "计划", z: 2.5, count_a: 300, count_b: 100 },
    { term: "创新", z: -7.6, count_a: 0, count_b: 184 },
    { term: "推进", z: -8.9, count_a: 12, count_b: 337 },
  ];
  const out = distinctive(rows, { minCount: 5, zFloor: 3, n: 10 });
  assert.deepEqual(
    out.a.map((d) => d.term),
    ["工业"],
  );
  assert.deepEqual(
    out.b.map((d) => d.term),
    ["推进", "创新"],
  );
});

test("statements: the macro file splits into its CREATE statements, comments dropped", () => {
  const sql =
    "-- comment; with a semicolon\nCREATE MACRO a(x) AS x + 1;\n\nCREATE MACRO b(x) AS\n  x * 2;\n";
  assert.deepEqual(statements(sql), [
    "CREATE MACRO a(x) AS x + 1",
    "CREATE MACRO b(x) AS\n  x * 2",
  ]);
});

const ZCYZ = { formulation_id: "zcyz", canonical: "全面从严治党", variants: '["从严治党"]' };
const HITS = [
  {
    formulation_id: "zcyz",
    speech_id: "s1",
    section_id: "1",
    sentence_id: 0,
    start: 10,
    end: 16,
    matched: "全面从严治党",
    s_start: 0,
    text: "",
    local: 10,
  },
  {
    formulation_id: "dygd",
    speech_id: "s1",
    section_id: "1",
    sentence_id: 1,
    start: 30,
    end: 41,
    matched: "党要管党、全面从严治党",
    s_start: 20,
    text: "",
    local: 10,
  },
  {
    formulation_id: "lgwh",
    speech_id: "s1",
    section_id: "2",
    sentence_id: 2,
    start: 50,
    end: 54,
    matched: "两个维护",
    s_start: 50,
    text: "",
    local: 0,
  },
  {
    formulation_id: "zcyz",
    speech_id: "s0",
    section_id: "1",
    sentence_id: 4,
    start: 5,
    end: 9,
    matched: "从严治党",
    s_start: 0,
    text: "",
    local: 5,
  },
  {
    formulation_id: "lgwh",
    speech_id: "s0",
    section_id: "1",
    sentence_id: 4,
    start: 20,
    end: 24,
    matched: "两个维护",
    s_start: 0,
    text: "",
    local: 20,
  },
];

test("nestedOccurrences: forms inside a longer formulation's match, at their own offsets", () => {
  assert.deepEqual(formsOf(ZCYZ), ["全面从严治党", "从严治党"]);
  const nested = nestedOccurrences(ZCYZ, HITS);
  assert.equal(nested.length, 1, "one occurrence, found leftmost-longest (not also 从严治党)");
  assert.deepEqual(
    [nested[0]!.start, nested[0]!.end, nested[0]!.matched, nested[0]!.nested_in, nested[0]!.local],
    [35, 41, "全面从严治党", "dygd", 15],
  );
});

test("variantCounts, firstAppearance, cooccurring", () => {
  const own = HITS.filter((h) => h.formulation_id === "zcyz");
  const occurrences = [...own, ...nestedOccurrences(ZCYZ, HITS)];
  assert.deepEqual(
    variantCounts(occurrences, ZCYZ).map((v) => [v.form, v.count]),
    [
      ["全面从严治党", 2],
      ["从严治党", 1],
    ],
  );
  const speechById = new Map([
    ["s0", { year: 2016, name: "2016 · b" }],
    ["s1", { year: 2014, name: "2014 · a" }],
  ]);
  assert.equal(firstAppearance(occurrences, speechById)!.start, 10);
  assert.deepEqual(cooccurring(occurrences, HITS, "zcyz"), [
    { formulation_id: "dygd", sentences: 1, sections: 1 },
    { formulation_id: "lgwh", sentences: 1, sections: 1 },
  ]);
});
