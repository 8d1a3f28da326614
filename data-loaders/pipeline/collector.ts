// Main-thread side: keeps what the corpus-level steps need from each file outcome in compact
// form; the rest stays on disk. In memory per speech: its speech row, text digest, MinHash
// signature, candidate occurrences, term ids/counts and sentence token ids as typed arrays (terms
// interned once for the corpus). On disk: the cleaned texts (read back only for LSH duplicate
// candidates) and the rows (column-blocks.ts: binary columns + CSV lines), read back speech by
// speech when a table is written: from the speech-store file the worker wrote
// (speech-store.ts), or, for outcomes carrying them inline (shard files), from one spill file
// per part. Outcomes may arrive in any order: everything is keyed by path index.
import { closeSync, openSync, readSync, rmSync, writeSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Encoding, ManifestRow, SpeechRow } from "../types.ts";
import { BULKY_PARTS, type BulkyPart, type FileOutcome, type SpeechTable } from "./file-work.ts";
import { deserializeColumns, type RowBlock } from "./column-blocks.ts";
import type { Occurrence } from "../language/candidates.ts";
import { readStoredBytes, readStoredSpans, type Span } from "./speech-store.ts";
import { packedVocabOf } from "./outcome-block.ts";
import { WordTable } from "./word-table.ts";

/** Where a bulky part is: in a speech-store file (path) or in one of the collector's spill
 *  files (descriptor). */
export interface PartRef {
  file: string | number;
  at: Span;
}

export interface CollectedSpeech {
  index: number;
  path: string;
  sha256: string;
  bytes: number;
  encoding: Encoding;
  speechId: string;
  /** Where the cleaned text is: see textOf(). */
  textAt: PartRef;
  textDigest: string;
  candidates: Occurrence[];
  minhash: Float64Array;
  speech: SpeechRow;
  /** Where this speech's encoded rows (and CSV lines) of each table are: see rowsOf(). */
  spill: Record<BulkyPart, PartRef>;
  /** Its row count in each per-speech table. */
  rowCounts: Record<SpeechTable, number>;
  termIds: Int32Array;
  termCounts: Int32Array;
  /** Token ids of all sentences, back to back; sentenceEnds[i] = end of sentence i in tokens. */
  tokens: Int32Array;
  sentenceEnds: Int32Array;
}

function readPart({ file, at: [offset, length] }: PartRef): Buffer {
  if (typeof file === "string") return readStoredBytes(file, [offset, length]);
  const buf = Buffer.allocUnsafe(length);
  readSync(file, buf, 0, length, offset);
  return buf;
}

/** Rows of a per-speech table from where they are (any thread of this process: a spill file's
 *  descriptor is the process's). */
export function readRows(cols: PartRef, csv: PartRef): RowBlock {
  // Both parts in the same store file: one open for the pair.
  const [colBytes, csvBytes] =
    typeof cols.file === "string" && cols.file === csv.file
      ? readStoredSpans(cols.file, [cols.at, csv.at])
      : [readPart(cols), readPart(csv)];
  const { n, columns } = deserializeColumns(colBytes!);
  return { n, columns, csv: csvBytes! };
}

export class Collector {
  readonly quarantined = new Map<number, ManifestRow>();
  readonly readable = new Map<number, CollectedSpeech>();
  private vocabulary = new WordTable();
  readonly words: string[] = this.vocabulary.words;
  private dir: string;
  private fds = {} as Record<BulkyPart, number>;
  private sizes = {} as Record<BulkyPart, number>;
  private textFd: number;
  private textSize = 0;

  constructor(spillParent = tmpdir()) {
    this.dir = mkdtempSync(join(spillParent, "speech-atlas-spill-"));
    for (const t of BULKY_PARTS) {
      this.fds[t] = openSync(join(this.dir, `${t}.part`), "w+");
      this.sizes[t] = 0;
    }
    this.textFd = openSync(join(this.dir, "texts.txt"), "w+");
  }

  add(index: number, outcome: FileOutcome): void {
    if (outcome.kind === "quarantined") {
      this.quarantined.set(index, outcome.row);
      return;
    }
    const spill = {} as Record<BulkyPart, PartRef>;
    let textAt: PartRef;
    if (outcome.stored) {
      const { file, parts } = outcome.stored;
      for (const t of BULKY_PARTS) spill[t] = { file, at: parts[t] };
      textAt = { file, at: outcome.stored.text };
    } else {
      for (const t of BULKY_PARTS) {
        const buf = outcome.inline.tables[t];
        writeSync(this.fds[t], buf, 0, buf.length, this.sizes[t]);
        spill[t] = { file: this.fds[t], at: [this.sizes[t], buf.length] };
        this.sizes[t] += buf.length;
      }
      textAt = this.spillText(outcome.inline.text);
    }
    // Speech-local token ids → corpus ids: one intern per distinct word of the speech. Typed
    // arrays that came out of a deserialized message or cache entry may be views of a larger
    // buffer: what is kept is copied, into one buffer per speech (one allocation, not four).
    const { ids, counts: localCounts, sentenceEnds: localEnds } = outcome.tokens;
    const nVocab = localCounts.length;
    const kept = new ArrayBuffer(4 * (2 * nVocab + ids.length + localEnds.length));
    const termIds = new Int32Array(kept, 0, nVocab);
    const counts = new Int32Array(kept, 4 * nVocab, nVocab);
    const tokens = new Int32Array(kept, 8 * nVocab, ids.length);
    const sentenceEnds = new Int32Array(kept, 4 * (2 * nVocab + ids.length), localEnds.length);
    counts.set(localCounts);
    sentenceEnds.set(localEnds);
    const packed = packedVocabOf(outcome.tokens);
    if (packed) {
      // From the cache: interned from UTF-16 units, no string per word (word-table.ts).
      const { units, wordEnds } = packed;
      for (let i = 0, start = 0; i < nVocab; i++) {
        termIds[i] = this.vocabulary.internUnits(units, start, wordEnds[i]!);
        start = wordEnds[i]!;
      }
    } else {
      const { vocab } = outcome.tokens;
      for (let i = 0; i < nVocab; i++) termIds[i] = this.vocabulary.intern(vocab[i]!);
    }
    for (let i = 0; i < ids.length; i++) tokens[i] = termIds[ids[i]!]!;
    this.readable.set(index, {
      index,
      path: outcome.path,
      sha256: outcome.sha256,
      bytes: outcome.bytes,
      encoding: outcome.encoding,
      speechId: outcome.speechId,
      textAt,
      textDigest: outcome.textDigest,
      candidates: outcome.candidates,
      minhash: Float64Array.from(outcome.minhash),
      speech: outcome.speech,
      spill,
      rowCounts: outcome.rowCounts,
      termIds,
      termCounts: counts,
      tokens,
      sentenceEnds,
    });
  }

  private spillText(text: string): PartRef {
    const buf = Buffer.from(text, "utf8");
    writeSync(this.textFd, buf, 0, buf.length, this.textSize);
    const ref: PartRef = { file: this.textFd, at: [this.textSize, buf.length] };
    this.textSize += buf.length;
    return ref;
  }

  private read(ref: PartRef): Buffer {
    return readPart(ref);
  }

  /** A speech's cleaned text, read back from disk (texts are not kept in memory). */
  textOf(s: Pick<CollectedSpeech, "textAt">): string {
    return this.read(s.textAt).toString("utf8");
  }

  /** The rows one speech contributed to a per-speech table, encoded for publishing (the CSV
   *  lines as UTF-8 bytes, as stored). */
  rowsOf(s: CollectedSpeech, table: SpeechTable): RowBlock {
    return readRows(s.spill[table], s.spill[`${table}.csv`]);
  }

  dispose(): void {
    for (const t of BULKY_PARTS) closeSync(this.fds[t]);
    closeSync(this.textFd);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
