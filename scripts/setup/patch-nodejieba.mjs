// postinstall: rebuild nodejieba so that its keyword extractor shares the segmenter's dictionary,
// and with a cutLengths() call that returns token lengths instead of token strings.
//
// nodejieba 3.5.8's native load() builds a cppjieba::Jieba and then a separate
// cppjieba::TextRankExtractor from the same files, i.e. a second full dictionary trie and HMM
// model that the pipeline never uses (it never calls textRankExtract) but that every worker pays
// for in resident memory. cppjieba has a TextRankExtractor(const Jieba&, stopWordPath) constructor
// that reuses the Jieba's trie and model; this script switches load() to it and rebuilds the addon
// from source. Segmentation and tagging go through the Jieba alone, so their output is unchanged.
//
// cutLengths(text) (HMM on, as cut(text, true)) returns the UTF-16 length of each token as an
// Int32Array: the same segmentation as cut(), without making a JS string and an array element
// per token in C++ (about a third of cut()'s time on speech sentences); the tokenizer slices the
// words from the text it passed (data-loaders/language/tokenize.ts, which also works without it).
//
// Always from source with node-gyp, never node-pre-gyp: on a machine with internet, node-pre-gyp
// would download the unpatched prebuilt binary. The build works offline when the node headers
// are installed beside node (Debian's nodejs ships /usr/include/node).
//
// A stamp beside the binary records the sha256 of the binary this script built and checked, so a
// binary replaced later (npm rebuild, a prebuilt download) is noticed and rebuilt.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, realpathSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const EXPECTED_VERSION = "3.5.8";
/** The construction to replace, whitespace aside (nodejieba 3.5.8, lib/nodejieba.cpp, load()). */
const ORIGINAL =
  /new\s+cppjieba\s*::\s*TextRankExtractor\(\s*dictPath\s*,\s*modelPath\s*,\s*stopWordsPath\s*,\s*userDictPath\s*\)\s*;/g;
/** Also checked by data-loaders/language/jieba.ts (nodejiebaSharedTrie) and its test. */
const PATCHED_CALL = "TextRankExtractor(*_jieba_handle, stopWordsPath)";
const PATCHED = `new cppjieba::${PATCHED_CALL}; // speech-atlas: share the Jieba's trie and HMM model`;
const STAMP_NAME = "speech-atlas-shared-trie.json";
/** In the patched sources; also checked by jieba.ts (nodejiebaCutLengths). */
const CUT_LENGTHS_MARK = "speech-atlas: cutLengths";
const CUT_LENGTHS_DECLARATION = `  Napi::Value cutLengths(const Napi::CallbackInfo& info); // ${CUT_LENGTHS_MARK}`;
const CUT_LENGTHS_REGISTRATION = `    InstanceMethod("cutLengths", &NodeJieba::cutLengths), // ${CUT_LENGTHS_MARK}`;
const CUT_LENGTHS_WRAPPER = `wrapWithDictLoad("cutLengths"); // ${CUT_LENGTHS_MARK}`;
const CUT_LENGTHS_DEFINITION = `
// ${CUT_LENGTHS_MARK}. The UTF-16 length of each token of cut(text, true), as an Int32Array: a
// UTF-8 lead byte starts a code point, one of four bytes (>= 0xF0) one outside the BMP (two units).
Napi::Value NodeJieba::cutLengths(const Napi::CallbackInfo& info) {
  if (info.Length() == 0 || !info[0].IsString()) {
    Napi::TypeError::New(info.Env(), "cutLengths(text): text must be a string").ThrowAsJavaScriptException();
    return info.Env().Undefined();
  }
  if (!_jieba_handle) {
    Napi::Error::New(info.Env(), "Before calling any other function you have to call load() first").ThrowAsJavaScriptException();
    return info.Env().Undefined();
  }
  std::string sentence = info[0].As<Napi::String>();
  std::vector<std::string> words;
  _jieba_handle->Cut(sentence, words, true);
  Napi::Int32Array lengths = Napi::Int32Array::New(info.Env(), words.size());
  for (size_t i = 0; i < words.size(); i++) {
    int32_t units = 0;
    for (unsigned char c : words[i]) {
      if ((c & 0xC0) != 0x80) units += c >= 0xF0 ? 2 : 1;
    }
    lengths[i] = units;
  }
  return lengths;
}
`;

/** One edit of the cutLengths patch: insert `line` after the single line matching `after`. */
function insertAfter(text, after, line, what) {
  const lines = text.split("\n");
  const at = lines.flatMap((l, i) => (after.test(l) ? [i] : []));
  if (at.length !== 1)
    fail(`${what}: ${at.length} lines match ${after}, expected one; the patch needs updating`);
  lines.splice(at[0] + 1, 0, line);
  return lines.join("\n");
}

/** The cutLengths edits still missing from nodejieba's sources, applied in memory. */
function cutLengthsEdits(dir) {
  const edits = [];
  const header = join(dir, "lib", "nodejieba.h");
  const headerText = readFileSync(header, "utf8");
  if (!headerText.includes(CUT_LENGTHS_MARK))
    edits.push([
      header,
      insertAfter(
        headerText,
        /^\s*Napi::Value cut\(const Napi::CallbackInfo& info\);\s*$/,
        CUT_LENGTHS_DECLARATION,
        header,
      ),
    ]);
  const source = join(dir, "lib", "nodejieba.cpp");
  const sourceText = readFileSync(source, "utf8");
  if (!sourceText.includes(CUT_LENGTHS_MARK)) {
    const registered = insertAfter(
      sourceText,
      /^\s*InstanceMethod\("cut", &NodeJieba::cut\),\s*$/,
      CUT_LENGTHS_REGISTRATION,
      source,
    );
    edits.push([source, `${registered.trimEnd()}\n${CUT_LENGTHS_DEFINITION}`]);
  }
  const index = join(dir, "index.js");
  const indexText = readFileSync(index, "utf8");
  if (!indexText.includes(CUT_LENGTHS_MARK))
    edits.push([
      index,
      insertAfter(indexText, /^wrapWithDictLoad\("cut"\);\s*$/, CUT_LENGTHS_WRAPPER, index),
    ]);
  return edits;
}

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

function say(message) {
  console.log(`patch-nodejieba: ${message}`);
}

function fail(message, detail = "") {
  console.error(`patch-nodejieba: ERROR: ${message}`);
  if (detail) console.error(detail);
  process.exit(1);
}

function sha256(path) {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

function findNodejieba() {
  try {
    const pkgPath = createRequire(join(root, "package.json")).resolve("nodejieba/package.json");
    return { dir: dirname(pkgPath), version: JSON.parse(readFileSync(pkgPath, "utf8")).version };
  } catch {
    return undefined;
  }
}

/** npm's bundled node-gyp: npm names it in npm scripts; by hand, look beside node and npm. */
function findNodeGyp() {
  const candidates = [];
  if (process.env.npm_config_node_gyp) candidates.push(process.env.npm_config_node_gyp);
  const gypInNpm = (npmDir) => join(npmDir, "node_modules", "node-gyp", "bin", "node-gyp.js");
  candidates.push(gypInNpm(join(dirname(process.execPath), "..", "lib", "node_modules", "npm")));
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const npmCli = join(dir, "npm");
    if (!dir || !existsSync(npmCli)) continue;
    try {
      // …/npm/bin/npm-cli.js → …/npm
      candidates.push(gypInNpm(dirname(dirname(realpathSync(npmCli)))));
    } catch {
      // a dangling npm link: try the next one
    }
  }
  return { found: candidates.find((path) => existsSync(path)), tried: candidates };
}

/** Headers installed beside node (e.g. /usr/include/node), so node-gyp needs no download. */
function localNodedir() {
  if (process.env.npm_config_nodedir) return undefined; // node-gyp reads it from the environment
  const prefix = join(dirname(process.execPath), "..");
  return existsSync(join(prefix, "include", "node", "common.gypi")) ? prefix : undefined;
}

function readStamp(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

/** Loads the addon in a fresh process: load() with the default dictionaries, cut, textRankExtract. */
function verify(dir) {
  const code = `
    const nodejieba = require(${JSON.stringify(dir)});
    nodejieba.load();
    const sentence = "南京市长江大桥建成通车";
    const words = nodejieba.cut(sentence, true);
    if (words.join("") !== sentence || words.length < 2) throw new Error("bad cut: " + words.join("/"));
    const lengths = nodejieba.cutLengths(sentence + "，𠮷");
    const expected = nodejieba.cut(sentence + "，𠮷", true).map((w) => w.length);
    if (!(lengths instanceof Int32Array) || lengths.join() !== expected.join())
      throw new Error("bad cutLengths: " + Array.from(lengths ?? []).join() + " for " + expected.join());
    if (!Array.isArray(nodejieba.textRankExtract(sentence.repeat(3), 3))) throw new Error("bad textRankExtract");
    console.log(words.join("/"));
  `;
  const result = spawnSync(process.execPath, ["-e", code], { encoding: "utf8" });
  if (result.status !== 0) {
    fail("the rebuilt nodejieba does not load or cut", `${result.stdout}${result.stderr}`);
  }
  return result.stdout.trim();
}

function main() {
  const jieba = findNodejieba();
  if (!jieba) {
    say("WARNING: nodejieba is not installed; nothing patched");
    return;
  }
  if (jieba.version !== EXPECTED_VERSION) {
    say(
      `WARNING: nodejieba ${jieba.version} is installed, this patch is for ${EXPECTED_VERSION}; ` +
        "left unpatched (segmentation works, but load() builds a second dictionary, ~110 MB more per process)",
    );
    return;
  }

  const source = join(jieba.dir, "lib", "nodejieba.cpp");
  const binary = join(jieba.dir, "build", "Release", "nodejieba.node");
  const stampPath = join(jieba.dir, "build", "Release", STAMP_NAME);
  const text = readFileSync(source, "utf8");
  const matches = text.match(ORIGINAL) ?? [];
  const sharedTriePatched = text.includes(PATCHED_CALL);
  const cutLengthsMissing = cutLengthsEdits(jieba.dir);
  const alreadyPatched = sharedTriePatched && cutLengthsMissing.length === 0;
  if (!sharedTriePatched && matches.length !== 1) {
    fail(
      `${source} has ${matches.length} copies of the expected TextRankExtractor construction ` +
        "and is not patched either; the patch needs updating",
    );
  }

  if (alreadyPatched && existsSync(binary)) {
    const stamp = readStamp(stampPath);
    const fresh = statSync(binary).mtimeMs >= statSync(source).mtimeMs;
    if (fresh && stamp?.sha256 === sha256(binary)) {
      say(`nodejieba ${jieba.version} already patched (shared trie) and built; nothing to do`);
      return;
    }
  }

  const nodeGyp = findNodeGyp();
  if (!nodeGyp.found) {
    fail(
      "cannot find npm's bundled node-gyp to rebuild nodejieba from source " +
        `(tried: ${nodeGyp.tried.join(", ")}); run this script through npm (npm ci / npm run) ` +
        "or set npm_config_node_gyp to node-gyp/bin/node-gyp.js",
    );
  }

  if (!sharedTriePatched)
    writeFileSync(source, readFileSync(source, "utf8").replace(ORIGINAL, PATCHED));
  // The cutLengths edits read the files again: the first edit may have rewritten nodejieba.cpp.
  for (const [path, edited] of cutLengthsEdits(jieba.dir)) writeFileSync(path, edited);

  const nodedir = localNodedir();
  const args = [nodeGyp.found, "rebuild", "--release", "--jobs=max"];
  if (nodedir) args.push(`--nodedir=${nodedir}`);
  const started = Date.now();
  const build = spawnSync(process.execPath, args, {
    cwd: jieba.dir,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (build.status !== 0 || !existsSync(binary)) {
    fail(
      `node-gyp rebuild of nodejieba failed (exit ${build.status}${build.error ? `, ${build.error.message}` : ""}); ` +
        "nodejieba has no usable binary now. Needs g++, make, python3 and node headers " +
        "(beside node, or npm_config_nodedir).",
      `${build.stdout}${build.stderr}`,
    );
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);

  const cut = verify(jieba.dir);
  writeFileSync(
    stampPath,
    `${JSON.stringify({ patch: PATCHED_CALL, cutLengths: CUT_LENGTHS_MARK, sha256: sha256(binary) }, null, 2)}\n`,
  );
  say(
    `${alreadyPatched ? "sources already patched" : "patched nodejieba's sources"}, rebuilt nodejieba ` +
      `${jieba.version} from source with ${nodeGyp.found}${nodedir ? ` (headers from ${nodedir})` : ""} ` +
      `in ${seconds} s; TextRankExtractor now shares the Jieba's trie, cutLengths added; check cut: ${cut}`,
  );
}

main();
