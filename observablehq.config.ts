// Observable Framework configuration for the Speech Atlas dashboard.
import { readSpeechIds } from "./src/lib/speechIds.ts";
import { shardPaths } from "./src/lib/shards.js";

// Build with `npm run site` (scripts/site/build.ts), never bare `observable build`: the build
// helper first fills Framework's npm cache from node_modules, so nothing is fetched from a CDN.
export default {
  root: "src",
  output: "dist",
  title: "Speech Atlas 讲话图谱",
  pages: [
    { name: "概览 Overview", path: "/" },
    { name: "主题 Themes", path: "/themes" },
    { name: "词语与提法 Terms", path: "/terms" },
    { name: "讲话索引 Speeches", path: "/speech-index" },
    { name: "主题依据 Theme evidence", path: "/theme-evidence" },
    { name: "方法 Methods", path: "/methods" },
    { name: "数据 Data", path: "/data" },
  ],
  // Not listed, still built: Framework builds every .md under src/, `pages` only feeds the sidebar.
  // src/embed/{theme-heatmap,theme-trend,formulation-trend}.md are iframe pages for briefings
  // (no sidebar/header/footer/pager); test/browser/embed.test.ts checks they are in dist/embed/.
  // One reader page per speech (src/speeches/[speech].md), from the pipeline's manifest.json; and
  // the shard files of per-speech data (src/lib/shards.js), fetched by the pages at run time (no
  // static reference for Framework to find), extracted from src/data/<set>.zip.ts.
  dynamicPaths: [
    ...readSpeechIds().map((id) => `/speeches/${id}`),
    ...shardPaths(readSpeechIds().length),
  ],
  // <html> has no lang attribute in Framework 1.13; lang="zh-CN" makes browsers pick Simplified
  // Chinese glyphs and fonts. The build helper also writes it into the static HTML.
  head: `<script>document.documentElement.lang = "zh-CN";</script><link rel="icon" href="data:,">`,
  // The default global stylesheet is a Google Fonts URL: none here, fonts come from the system.
  globalStylesheets: [],
  style: "style.css",
  // No extension downloads at build time, none at run time: tables arrive as Arrow IPC.
  duckdb: { extensions: { json: null, parquet: null } },
  search: false,
  footer:
    "Speech Atlas 讲话图谱 · 偏移量为清洗后文本的 UTF-16 码元 (offsets: UTF-16 code units of the cleaned text)",
  // Links end in .html, so any static server (and a subpath) serves the site as is.
  preserveExtension: true,
};
