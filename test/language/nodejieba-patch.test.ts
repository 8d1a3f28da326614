// The postinstall (scripts/setup/patch-nodejieba.mjs) rebuilds nodejieba so that load() builds one
// dictionary trie, not two. If it silently did not run (--ignore-scripts, a new nodejieba version,
// a binary replaced by `npm rebuild`), the pipeline still works but each worker holds ~110 MB
// more: fail here so that it is noticed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { nodejiebaSharedTrie } from "../../data-loaders/language/jieba.ts";

test("the installed nodejieba carries the shared-trie patch, built into its binary", () => {
  assert.equal(
    nodejiebaSharedTrie(),
    true,
    "nodejieba is not the patched build: run `node scripts/setup/patch-nodejieba.mjs` (npm ci runs it)",
  );
});

test("the patched nodejieba loads and cuts, and textRankExtract still works on the shared trie", () => {
  // A child process: load() here would fix this process's dictionary (see jieba.ts).
  const code = `
    const nodejieba = require("nodejieba");
    nodejieba.load();
    const words = nodejieba.cut("南京市长江大桥建成通车", true);
    const keywords = nodejieba.textRankExtract("南京市长江大桥建成通车。长江大桥是南京市的标志。", 2);
    console.log(JSON.stringify({ words, keywords: keywords.map((k) => k.word) }));
  `;
  const result = spawnSync(process.execPath, ["-e", code], {
    cwd: fileURLToPath(new URL("../..", import.meta.url)),
    encoding: "utf8",
  });
  assert.equal(result.status, 0, result.stderr);
  const { words, keywords } = JSON.parse(result.stdout) as { words: string[]; keywords: string[] };
  assert.deepEqual(words, ["南京市", "长江大桥", "建成", "通车"]);
  assert.ok(keywords.length > 0 && keywords.every((k) => k.length > 1), keywords.join("/"));
});
