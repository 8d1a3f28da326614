// Headless Chromium for the report: renders charts with the dashboard's components (bundled from
// node_modules by esbuild, `npm:` imports mapped to installed packages) and prints HTML to PDF.
// Every request other than data:/blob:/about:/file: is aborted: a briefing never touches the network.
import { build, type Plugin } from "esbuild";
import { join } from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { launchBrowser } from "../../test/browser/harness.ts";
import { PROJECT_ROOT } from "../site/pipeline-out.ts";
import type { Row } from "../../src/charts/params.js";

export interface RenderedChart {
  id: string;
  kind: string;
  title: string;
  caption: string;
  source: string;
  params: Record<string, string>;
  rows: Row[];
  columns: string[];
  marksDrawn: number;
  svg: string;
  width: number;
  height: number;
  /** PNG at 2× the SVG's CSS size, base64. */
  png: string;
  csv: string;
}

export interface ChartRequest {
  id: string;
  kind: string;
  params: Record<string, string>;
}

/** Framework pages import `npm:<pkg>`; here the same specifiers resolve to node_modules. */
const npmPrefix: Plugin = {
  name: "npm-prefix",
  setup(b) {
    b.onResolve({ filter: /^npm:/ }, (args) =>
      b.resolve(args.path.slice(4), { kind: args.kind, resolveDir: args.resolveDir }),
    );
  },
};

async function bundleClient(): Promise<string> {
  const result = await build({
    entryPoints: [join(PROJECT_ROOT, "scripts", "report", "client.js")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "error",
    plugins: [npmPrefix],
  });
  return result.outputFiles[0]!.text;
}

const isOffline = (url: string): boolean => /^(data|blob|about|file):/.test(url);

export class Renderer {
  private constructor(
    private readonly browser: Browser,
    private readonly context: BrowserContext,
    readonly blocked: string[],
  ) {}

  static async open(): Promise<Renderer> {
    const browser = await launchBrowser();
    const context = await browser.newContext({
      locale: "zh-CN",
      viewport: { width: 1000, height: 1200 },
    });
    const blocked: string[] = [];
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (isOffline(url)) return route.continue();
      blocked.push(url);
      return route.abort("blockedbyclient");
    });
    return new Renderer(browser, context, blocked);
  }

  async charts(
    tables: unknown,
    charts: ChartRequest[],
    { width, date }: { width: number; date: string | null },
  ): Promise<RenderedChart[]> {
    const page = await this.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    try {
      const script = await bundleClient();
      await page.setContent(
        `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>body{font-family:'Noto Sans CJK SC',sans-serif;margin:0;width:${width + 40}px}</style></head><body></body></html>`,
      );
      await page.addScriptTag({ content: script });
      if (errors.length) throw new Error(errors.join("; "));
      return (await page.evaluate(
        (req) =>
          (window as unknown as { renderCharts(r: unknown): Promise<unknown> }).renderCharts(req),
        {
          tables,
          charts,
          width,
          date,
        },
      )) as RenderedChart[];
    } finally {
      await page.close();
    }
  }

  /** Prints an HTML file (opened by its file:// URL, as a reader would) to an A4 PDF. */
  async pdf(htmlPath: string, pdfPath: string): Promise<void> {
    const page = await this.context.newPage();
    try {
      await page.goto(new URL(`file://${htmlPath}`).href, { waitUntil: "load" });
      await page.evaluate(() => document.fonts.ready);
      await page.pdf({
        path: pdfPath,
        format: "A4",
        printBackground: true,
        margin: { top: "15mm", bottom: "15mm", left: "15mm", right: "15mm" },
      });
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
