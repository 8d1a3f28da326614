// Headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) that treats any
// request to a host other than 127.0.0.1, and any console error, as a test failure.
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { existsSync } from "node:fs";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // Defence in depth: requests the route handler cannot see (e.g. from a worker) fail to resolve.
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
];

export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} missing: apt-get install -y chromium fonts-noto-cjk`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** What a page did that a test must fail on. */
export interface Violations {
  outsideRequests: string[];
  consoleErrors: string[];
}

export interface GuardedPage {
  page: Page;
  context: BrowserContext;
  violations: Violations;
  close(): Promise<void>;
}

const isLocal = (url: string): boolean => {
  const { protocol, hostname } = new URL(url);
  if (protocol === "data:" || protocol === "blob:" || protocol === "about:") return true;
  return hostname === "127.0.0.1";
};

/** A fresh context and page; every non-local request is aborted and recorded. */
export async function guardedPage(
  browser: Browser,
  options: { acceptDownloads?: boolean } = {},
): Promise<GuardedPage> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: "zh-CN",
    acceptDownloads: options.acceptDownloads ?? false,
  });
  const violations: Violations = { outsideRequests: [], consoleErrors: [] };
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    violations.outsideRequests.push(url);
    return route.abort("blockedbyclient");
  });
  // Requests the router may not intercept (workers) still show up here.
  context.on("request", (request) => {
    const url = request.url();
    if (!isLocal(url) && !violations.outsideRequests.includes(url))
      violations.outsideRequests.push(url);
  });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error")
      violations.consoleErrors.push(`${message.text()} @ ${message.location().url}`);
  });
  page.on("pageerror", (error) => violations.consoleErrors.push(`pageerror: ${error.message}`));
  return { page, context, violations, close: () => context.close() };
}
