// Property tests: the segmentation contract holds on random speech-like texts, on mutated
// sample speeches, and on arbitrary Unicode (which must never throw).
import { test } from "node:test";
import fc from "fast-check";
import { segmentSpeech } from "../../data-loaders/segment/index.ts";
import { assertSegmentationContract } from "./invariants.ts";
import { cleanedSample, goldSpeeches } from "./speech.ts";

const check = (text: string): void => assertSegmentationContract(text, segmentSpeech(text));

/** Pieces that trigger every detector: markers, short headline-like sentences, quotes, closings. */
const piece = fc.constantFrom(
  "一、",
  "二、",
  "三、",
  "十一、",
  "（一）",
  "（二）",
  "(三)",
  "1.",
  "2．",
  "3、",
  "（1）",
  "（2）",
  "①",
  "②",
  "第一部分",
  "第二章",
  "第一，",
  "第二，",
  "第三、",
  "一是",
  "二是",
  "三是",
  "一要",
  "二要",
  "其一，",
  "其二，",
  "首先，",
  "其次，",
  "再次，",
  "最后，",
  "同志们，",
  "各位代表！",
  "让我们",
  "谢谢！",
  "发言完毕。",
  "我就讲这些。",
  "织密组织经纬。",
  "增强组织功能。",
  "坚持问题导向。",
  "面对庞大的组织规模，需要着眼健全组织体系，",
  "征程万里风正劲，重任千钧再奋蹄。",
  "加强党的建设",
  "，",
  "。",
  "！",
  "？",
  "；",
  "……",
  "“",
  "”",
  "「",
  "」",
  "（",
  "）",
  "1.5亿",
  "2023年",
  "要坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神。",
);
const paragraph = fc.array(piece, { minLength: 1, maxLength: 12 }).map((ps) => ps.join(""));
const speechLike = fc.array(paragraph, { minLength: 0, maxLength: 25 }).map((ps) => ps.join("\n"));

test("property: the contract holds on random speech-like texts", () => {
  fc.assert(fc.property(speechLike, check), { numRuns: 200 });
});

/** Well-formed outlines (numbered series nested three deep) with random noise in the bodies. */
const CN = ["一", "二", "三", "四", "五"];
const LEVEL_MARKERS: ((i: number) => string)[][] = [
  [(i) => `${CN[i]}、`, (i) => `第${CN[i]}，`, (i) => `（${CN[i]}）`],
  [(i) => `（${CN[i]}）`, (i) => `${i + 1}.`, (i) => `${CN[i]}是`],
  [(i) => `${i + 1}.`, (i) => `${CN[i]}是`, (i) => `（${i + 1}）`],
];
const outlined = fc
  .record({
    styles: fc.tuple(fc.nat(2), fc.nat(2), fc.nat(2)),
    shape: fc.array(fc.array(fc.nat(3), { minLength: 0, maxLength: 4 }), {
      minLength: 2,
      maxLength: 5,
    }),
    noise: fc.array(paragraph, { minLength: 1, maxLength: 6 }),
  })
  .map(({ styles, shape, noise }) => {
    const [a, b, c] = styles;
    const m1 = LEVEL_MARKERS[0]![a]!;
    const m2 = LEVEL_MARKERS[1]![b]!;
    const m3 = LEVEL_MARKERS[2]![c]!;
    const lines = ["同志们：", noise[0]!];
    shape.forEach((children, i) => {
      lines.push(`${m1(i)}加强党的建设`, noise[i % noise.length]!);
      children.forEach((grandchildren, j) => {
        let p = `${m2(j)}抓好组织建设。${noise[j % noise.length]!}`;
        for (let k = 0; k < grandchildren; k++)
          p += `\n${m3(k)}落实责任。${noise[(k + 1) % noise.length]!}`;
        lines.push(p);
      });
    });
    lines.push("谢谢大家！");
    return lines.join("\n");
  });

test("property: the contract holds on well-formed outlines with noise", () => {
  fc.assert(fc.property(outlined, check), { numRuns: 150 });
});

test("property: arbitrary Unicode never throws and keeps the contract", () => {
  const anyText = fc.oneof(
    fc.string({ unit: "binary", maxLength: 300 }),
    fc.string({ unit: "grapheme", maxLength: 300 }),
    fc.string({
      unit: fc.constantFrom("\n", "\r", " ", "\u3000", "一", "、", "。", "“", "\uD800", "\uDC00"),
      maxLength: 100,
    }),
  );
  fc.assert(fc.property(anyText, check), { numRuns: 200 });
});

const samples = goldSpeeches().map(cleanedSample);

/** Mutations of real speeches: cut, duplicate, swap or drop paragraphs, insert markers anywhere. */
const mutatedSample = fc
  .record({
    sample: fc.integer({ min: 0, max: samples.length - 1 }),
    ops: fc.array(
      fc.record({
        kind: fc.constantFrom("drop", "duplicate", "swap", "insert", "cut"),
        at: fc.nat(),
        other: fc.nat(),
        what: piece,
      }),
      { minLength: 1, maxLength: 6 },
    ),
  })
  .map(({ sample, ops }) => {
    let paras = samples[sample]!.split("\n");
    for (const op of ops) {
      const i = op.at % paras.length;
      const j = op.other % paras.length;
      if (op.kind === "drop" && paras.length > 1) paras.splice(i, 1);
      else if (op.kind === "duplicate") paras.splice(i, 0, paras[i]!);
      else if (op.kind === "swap") [paras[i], paras[j]] = [paras[j]!, paras[i]!];
      else if (op.kind === "insert") {
        const p = paras[i]!;
        const k = op.other % (p.length + 1);
        paras[i] = p.slice(0, k) + op.what + p.slice(k);
      } else if (op.kind === "cut") {
        const joined = paras.join("\n");
        const k = op.other % (joined.length + 1);
        paras = (joined.slice(0, k) || "x").split("\n");
      }
    }
    return paras.join("\n");
  });

test("property: the contract holds on mutated sample speeches", () => {
  fc.assert(fc.property(mutatedSample, check), { numRuns: 100 });
});
