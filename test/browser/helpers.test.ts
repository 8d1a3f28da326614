// Unit tests of the site's pure helpers: static-path resolution, <html lang>, SQL/CSV helpers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveStaticPath } from "./static-server.ts";
import { setHtmlLang } from "../../scripts/site/build.ts";
import { tableParam } from "../../scripts/site/pipeline-out.ts";
// @ts-expect-error plain browser JS module without type declarations
import { toCsv, whereEquals } from "../../src/lib/sql.js";

test("static paths stay inside the root and under the prefix", () => {
  const root = mkdtempSync(join(tmpdir(), "atlas-"));
  mkdirSync(join(root, "sub"));
  writeFileSync(join(root, "index.html"), "i");
  writeFileSync(join(root, "data.html"), "d");
  writeFileSync(join(root, "sub", "index.html"), "s");
  assert.equal(resolveStaticPath(root, "/atlas/", "/atlas/"), join(root, "index.html"));
  assert.equal(resolveStaticPath(root, "/atlas/", "/atlas/data"), join(root, "data.html"));
  assert.equal(resolveStaticPath(root, "/atlas/", "/atlas/sub/"), join(root, "sub", "index.html"));
  assert.equal(resolveStaticPath(root, "/atlas/", "/data.html"), null, "outside the prefix");
  assert.equal(resolveStaticPath(root, "/atlas/", "/atlas/../../etc/passwd"), null);
  assert.equal(resolveStaticPath(root, "/atlas/", "/atlas/%2e%2e/%2e%2e/etc/passwd"), null);
  assert.equal(resolveStaticPath(root, "/", "/missing.js"), null);
});

test("setHtmlLang adds lang once and keeps other attributes", () => {
  assert.equal(
    setHtmlLang("<!DOCTYPE html>\n<html>\n<head>"),
    '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>',
  );
  assert.equal(setHtmlLang('<html class="x">'), '<html lang="zh-CN" class="x">');
  assert.equal(setHtmlLang('<html lang="en">'), '<html lang="en">');
});

test("loaders accept only known table names", () => {
  assert.equal(tableParam(["--table=theme_scores"]), "theme_scores");
  assert.throws(() => tableParam(["--table=../../etc/passwd"]), /unknown table/);
  assert.throws(() => tableParam([]), /unknown table/);
});

test("whereEquals skips 'all' filters and binds values as parameters", () => {
  assert.deepEqual(whereEquals({ year: 2023, level: null, genre: undefined }), [
    'WHERE "year" = ?',
    [2023],
  ]);
  assert.deepEqual(whereEquals({ level: "city", genre: "report" }, "s"), [
    'WHERE s."level" = ? AND s."genre" = ?',
    ["city", "report"],
  ]);
  assert.deepEqual(whereEquals({ year: null }), ["", []]);
});

test("toCsv quotes commas, quotes and newlines, and leaves nulls empty", () => {
  const csv = toCsv(
    [
      { a: "讲话，一", b: 'say "hi"', c: null },
      { a: "x\ny", b: 2, c: true },
    ],
    ["a", "b", "c"],
  );
  assert.equal(csv, 'a,b,c\r\n讲话，一,"say ""hi""",\r\n"x\ny",2,true\r\n');
});
