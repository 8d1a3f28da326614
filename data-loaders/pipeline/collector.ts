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
  termIds: Int32Array;
  termCounts: Int32Array;
  /** Token ids of all sentences, back to back; sentenceEnds[i] = end of sentence i in tokens. */
  tokens: Int32Array;
  sentenceEnds: Int32Array;
}

export class Collector {
  readonly quarantined = new Map<number, ManifestRow>();
  readonly readable = new Map<number, CollectedSpeech>();
  readonly words: string[] = [];
  private ids = new Map<string, number>();
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

  private intern(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.push(word) - 1;
      this.ids.set(word, id);
    }
    return id;
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
    // arrays that came out of a deserialized message or cache header may be views of that whole
    // buffer: copy what is kept (slice), so the buffer can be freed.
    const { vocab, ids } = outcome.tokens;
    const counts = outcome.tokens.counts.slice();
    const sentenceEnds = outcome.tokens.sentenceEnds.slice();
    const termIds = Int32Array.from(vocab, (w) => this.intern(w));
    const tokens = new Int32Array(ids.length);
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

  private read({ file, at: [offset, length] }: PartRef): Buffer {
    if (typeof file === "string") return readStoredBytes(file, [offset, length]);
    const buf = Buffer.allocUnsafe(length);
    readSync(file, buf, 0, length, offset);
    return buf;
  }

  /** A speech's cleaned text, read back from disk (texts are not kept in memory). */
  textOf(s: Pick<CollectedSpeech, "textAt">): string {
    return this.read(s.textAt).toString("utf8");
  }

  /** The rows one speech contributed to a per-speech table, encoded for publishing (the CSV
   *  lines as UTF-8 bytes, as stored). */
  rowsOf(s: CollectedSpeech, table: SpeechTable): RowBlock {
    const cols = s.spill[table];
    const csv = s.spill[`${table}.csv`];
    // Both parts in the same store file: one open for the pair.
    const [colBytes, csvBytes] =
      typeof cols.file === "string" && cols.file === csv.file
        ? readStoredSpans(cols.file, [cols.at, csv.at])
        : [this.read(cols), this.read(csv)];
    const { n, columns } = deserializeColumns(colBytes!);
    return { n, columns, csv: csvBytes! };
  }

  dispose(): void {
    for (const t of BULKY_PARTS) closeSync(this.fds[t]);
    closeSync(this.textFd);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
