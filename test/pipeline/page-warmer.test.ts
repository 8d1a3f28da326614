// The read-ahead of cold cache lookups starts only when the loop's own reads are slow, then
// keeps files requested ahead of the loop; files it cannot open are left to the loop to report.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { PageWarmer } from "../../data-loaders/pipeline/page-warmer.ts";
import { tmp } from "../scale/helpers.ts";

/** Runs a loop of `count` steps whose reads take `msPerRead` each; what the warmer did. */
async function loop(count: number, msPerRead: number, fileAt: (i: number) => string | null) {
  let io = 0;
  const warmer = new PageWarmer(fileAt, count, () => io);
  let awaited = 0;
  for (let i = 0; i < count; i++) {
    const ahead = warmer.at(i);
    if (ahead) {
      awaited++;
      await ahead;
    }
    io += msPerRead;
  }
  return { awaited, warmed: warmer.warmed };
}

test("fast reads: no read-ahead, no turn given to the event loop", async () => {
  const dir = tmp("warm-fast-");
  writeFileSync(join(dir, "a"), "x");
  assert.deepEqual(await loop(1000, 0.01, () => join(dir, "a")), { awaited: 0, warmed: 0 });
});

test("slow reads: every file after the probe is read ahead once; missing files are no error", async () => {
  const dir = tmp("warm-slow-");
  const files = Array.from({ length: 600 }, (_, i) => join(dir, `f${i}`));
  files.forEach((f, i) => i % 3 !== 0 && writeFileSync(f, "本".repeat(i)));
  // Every third file is missing (its read fails quietly); every fifth has no file at all.
  const got = await loop(600, 1, (i) => (i % 5 === 0 ? null : files[i]!));
  const expected = files.slice(64).filter((_, k) => (k + 64) % 5 !== 0).length;
  assert.equal(got.warmed, expected);
  // Once on (at step 64, the probe's end), a turn every 32 steps: 64, 96, …, 576.
  assert.equal(got.awaited, 17);
});
