// Same input, byte-identical output: two independent runs (different output folders, the corpus
// copied under another name and path) produce files with identical hashes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, tempDir } from "../helpers/run-cli.ts";
import { SAMPLE_DIR } from "../helpers/sample.ts";

test("two runs give byte-identical datasets", () => {
  const corpusCopy = join(tempDir("copy"), "sample");
  cpSync(SAMPLE_DIR, corpusCopy, { recursive: true });
  const outs = [tempDir("det-a"), tempDir("det-b")];
  assert.equal(runCli(["--corpus", SAMPLE_DIR, "--out", outs[0]!, "--quiet"]).status, 0);
  assert.equal(runCli(["--corpus", corpusCopy, "--out", outs[1]!, "--quiet"]).status, 0);
  const manifests = outs.map((o) => JSON.parse(readFileSync(join(o, "manifest.json"), "utf8")));
  assert.deepEqual(manifests[0].outputs, manifests[1].outputs);
  for (const f of manifests[0].outputs as { path: string }[]) {
    assert.ok(
      readFileSync(join(outs[0]!, f.path)).equals(readFileSync(join(outs[1]!, f.path))),
      f.path,
    );
  }
  assert.ok(
    readFileSync(join(outs[0]!, "manifest.json")).equals(
      readFileSync(join(outs[1]!, "manifest.json")),
    ),
  );
});
