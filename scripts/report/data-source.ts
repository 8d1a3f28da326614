// Which pipeline output a briefing is about. Without --data or --corpus, the report uses what was
// built last (so after `npm run data`/`npm run build` on your corpus the briefing is about it, not
// about the bundled sample): $SPEECH_ATLAS_OUT when set (as for the site), else the newer of the
// output the last site build used (dist/'s build stamp) and out/, judged by their manifest.json. Only when none exists does it
// process the bundled sample, and it says so.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { BUILD_STAMP } from "../site/build.ts";
import { PROJECT_ROOT } from "../site/pipeline-out.ts";

export const SAMPLE_CORPUS = join(PROJECT_ROOT, "corpus", "sample");

export type DataSource =
  { kind: "data"; dir: string; why: string } | { kind: "corpus"; corpus: string; why: string };

/** A folder holding published tables (speeches.parquet and manifest.json). */
export const isOutput = (dir: string): boolean =>
  existsSync(join(dir, "speeches.parquet")) && existsSync(join(dir, "manifest.json"));

/** The output folder the last site build read, from dist/'s build stamp, or null. */
export function lastBuiltOut(root = PROJECT_ROOT): string | null {
  const stamp = join(root, "dist", BUILD_STAMP);
  if (!existsSync(stamp)) return null;
  try {
    const out = (JSON.parse(readFileSync(stamp, "utf8")) as { out?: unknown }).out;
    return typeof out === "string" ? out : null;
  } catch {
    return null;
  }
}

/** An output folder the report may use; a pinned one (set by the user) wins over newer ones. */
export interface Candidate {
  dir: string;
  why: string;
  pinned?: boolean;
}

/**
 * Picks the data of a report.
 * @param opts the --data and --corpus options (at most one is set)
 * @param candidates output folders to consider when neither is set, each with why it is one
 */
export function chooseDataSource(
  opts: { data: string | null; corpus: string | null },
  candidates: Candidate[],
): DataSource {
  if (opts.data) return { kind: "data", dir: resolve(opts.data), why: "--data" };
  if (opts.corpus) return { kind: "corpus", corpus: resolve(opts.corpus), why: "--corpus" };
  const pinned = candidates.find((c) => c.pinned && isOutput(c.dir));
  if (pinned) return { kind: "data", dir: pinned.dir, why: pinned.why };
  const built = candidates
    .filter((c) => isOutput(c.dir))
    .map((c) => ({ ...c, time: statSync(join(c.dir, "manifest.json")).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  const newest = built[0];
  if (newest) return { kind: "data", dir: newest.dir, why: `${newest.why}, the newest output` };
  return {
    kind: "corpus",
    corpus: SAMPLE_CORPUS,
    why: "nothing built yet (no out/, no site build, no $SPEECH_ATLAS_OUT): the bundled sample corpus",
  };
}

/** Where built output may be, in the order a tie is broken. */
export function builtCandidates(env: NodeJS.ProcessEnv = process.env): Candidate[] {
  const list: Candidate[] = [];
  if (env.SPEECH_ATLAS_OUT)
    list.push({
      dir: resolve(PROJECT_ROOT, env.SPEECH_ATLAS_OUT),
      why: "$SPEECH_ATLAS_OUT",
      pinned: true,
    });
  const stamped = lastBuiltOut();
  if (stamped) list.push({ dir: stamped, why: "the last site build (dist/)" });
  list.push({ dir: join(PROJECT_ROOT, "out"), why: "out/" });
  const seen = new Set<string>();
  return list.filter((c) => !seen.has(c.dir) && seen.add(c.dir));
}
