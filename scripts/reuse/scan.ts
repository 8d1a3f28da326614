// Text reuse on real corpora, outside the data command: read every file of each --corpus folder
// through the pipeline's own read → clean → describe path, detect reuse across all of them
// together, and print what is shared: pairs of speeches ranked by shared characters, with the
// opening of their longest passages, and each speech's reused share. For looking at results by
// eye (issue 17's checks on the samples and the government reports).
//
//   node --import tsx scripts/reuse/scan.ts --corpus corpus/sample --corpus ../shared/corpora/govreports
//   … --json /tmp/reuse.json   (the rows too)   --pairs 30   --passages 3
import { writeFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { parseArgs } from "node:util";
import { cleanText } from "../../data-loaders/clean/clean-text.ts";
import { loadCleaningRules } from "../../data-loaders/clean/rules.ts";
import { loadAnchorSet } from "../../data-loaders/describe/anchors.ts";
import { describeSpeech } from "../../data-loaders/describe/describe-speech.ts";
import { listCorpusFiles } from "../../data-loaders/ingest/list-files.ts";
import { readInput, DEFAULT_MAX_BYTES } from "../../data-loaders/ingest/read-input.ts";
import { speechId } from "../../data-loaders/ingest/speech-id.ts";
import { loadLexicon } from "../../data-loaders/language/lexicon.ts";
import { detectReuse, type ReuseDoc } from "../../data-loaders/reuse/detect.ts";
import { lexiconPhrases } from "../../data-loaders/reuse/mask.ts";
import { speechReuse } from "../../data-loaders/reuse/summary.ts";
import type { ReusePassageRow } from "../../data-loaders/tables/reuse.ts";

const { values } = parseArgs({
  options: {
    corpus: { type: "string", multiple: true },
    json: { type: "string" },
    pairs: { type: "string", default: "25" },
    passages: { type: "string", default: "2" },
  },
});
const corpora = values.corpus?.length ? values.corpus : ["corpus/sample"];

interface Speech extends ReuseDoc {
  label: string;
}

async function readCorpus(dir: string): Promise<Speech[]> {
  const rules = loadCleaningRules();
  const anchors = loadAnchorSet().anchors;
  const root = resolve(dir);
  const out: Speech[] = [];
  for (const path of await listCorpusFiles(root)) {
    const read = await readInput(root, path, { maxBytes: DEFAULT_MAX_BYTES });
    if (read.kind !== "ok") continue;
    const text = cleanText(read.file.text, rules).text;
    const { year } = describeSpeech(text, { anchors });
    out.push({ id: speechId(read.file.text), text, year, label: `${basename(root)}/${path}` });
  }
  return out;
}

const speeches = (await Promise.all(corpora.map(readCorpus))).flat();
const byId = new Map(speeches.map((s) => [s.id, s]));
const t0 = performance.now();
const rows = detectReuse(speeches, { phrases: lexiconPhrases(loadLexicon()) });
const ms = performance.now() - t0;
const chars = speeches.reduce((n, s) => n + s.text.length, 0);
console.log(
  `${speeches.length} speeches, ${(chars / 1e6).toFixed(2)} M characters: ${rows.length / 2} passage pairs in ${(ms / 1000).toFixed(2)} s`,
);

// Pairs, seen from the speech with the smaller id.
const pairs = new Map<string, ReusePassageRow[]>();
for (const r of rows) {
  if (r.speech_id > r.other_speech_id) continue;
  const key = `${r.speech_id} ${r.other_speech_id}`;
  pairs.set(key, [...(pairs.get(key) ?? []), r]);
}
const ranked = [...pairs.values()]
  .map((ps) => ({ ps, chars: ps.reduce((n, p) => n + p.chars, 0) }))
  .sort((x, y) => y.chars - x.chars);
const oneLine = (s: string, n = 60) => s.replace(/\s+/g, " ").slice(0, n);
console.log(`\n${pairs.size} pairs of speeches share passages; top ${values.pairs}:`);
for (const { ps, chars: total } of ranked.slice(0, Number(values.pairs))) {
  const a = byId.get(ps[0]!.speech_id)!;
  const b = byId.get(ps[0]!.other_speech_id)!;
  console.log(
    `\n${a.label} (${a.year ?? "?"}) ↔ ${b.label} (${b.year ?? "?"}): ${ps.length} passages, ${total} Han chars`,
  );
  for (const p of [...ps].sort((x, y) => y.chars - x.chars).slice(0, Number(values.passages))) {
    console.log(`  ${p.chars} chars, identity ${p.identity}`);
    console.log(`    [${p.start},${p.end}) ${oneLine(a.text.slice(p.start, p.end))}…`);
    console.log(
      `    [${p.other_start},${p.other_end}) ${oneLine(b.text.slice(p.other_start, p.other_end))}…`,
    );
  }
}

console.log("\nspeeches by reused share:");
const own = new Map<string, ReusePassageRow[]>();
for (const r of rows) own.set(r.speech_id, [...(own.get(r.speech_id) ?? []), r]);
const summaries = speeches
  .map((s) => ({ s, r: speechReuse(s.text, own.get(s.id) ?? []) }))
  .sort((x, y) => y.r.reused_share - x.r.reused_share || (x.s.label < y.s.label ? -1 : 1));
for (const { s, r } of summaries.filter((x) => x.r.reused_chars > 0))
  console.log(
    `  ${s.label} (${s.year ?? "?"}): ${r.reused_chars} Han chars = ${(r.reused_share * 100).toFixed(1)} %, ${r.reuse_sources} other speeches${r.reused_from_earlier ? ", mostly found earlier" : ""}`,
  );

if (values.json) {
  writeFileSync(
    values.json,
    JSON.stringify({ speeches: speeches.map(({ text, ...s }) => s), rows }, null, 1),
  );
  console.log(`\nrows written to ${values.json}`);
}
