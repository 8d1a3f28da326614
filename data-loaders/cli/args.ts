// Command-line options of `speech-atlas` / `npm run data`, documented once here; --help prints
// this table.
import { parseArgs } from "node:util";

export interface CliOptions {
  corpus: string;
  out: string;
  maxFileMb: number;
  nearDuplicate: number;
  quiet: boolean;
  help: boolean;
}

export const HELP = `Usage: speech-atlas --corpus <dir> --out <dir> [options]
       npm run data -- --corpus <dir> --out <dir> [options]

Reads every file under --corpus (.txt, .md, .docx; any encoding among UTF-8, UTF-16, GB18030/GBK),
cleans, describes, outlines and counts each speech, and writes tables as Parquet and CSV with
datapackage.json and manifest.json into --out.

Options:
  --corpus <dir>            Folder of raw speeches, read recursively (default: corpus/sample)
  --out <dir>               Output folder, created if missing (default: out)
  --max-file-mb <n>         Quarantine files larger than this many MB (default: 10)
  --near-duplicate <0..1>   Jaccard similarity of character 5-gram shingles at or above which a
                            file counts as a near duplicate of an earlier one (default: 0.9)
  --quiet                   No progress bar and no summary
  -h, --help                Show this help

Exit status: 0 when at least one speech was ingested (bad files are quarantined and listed in
manifest), 2 on a usage error, 1 when nothing could be ingested.`;

export class UsageError extends Error {}

export function parseCliArgs(argv: string[]): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        corpus: { type: "string", default: "corpus/sample" },
        out: { type: "string", default: "out" },
        "max-file-mb": { type: "string", default: "10" },
        "near-duplicate": { type: "string", default: "0.9" },
        quiet: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const maxFileMb = Number(values["max-file-mb"]);
  if (!(maxFileMb > 0)) throw new UsageError(`invalid --max-file-mb: ${values["max-file-mb"]} (a positive number)`);
  const nearDuplicate = Number(values["near-duplicate"]);
  if (!(nearDuplicate > 0 && nearDuplicate <= 1))
    throw new UsageError(`invalid --near-duplicate: ${values["near-duplicate"]} (a number in (0, 1])`);
  return {
    corpus: values.corpus!,
    out: values.out!,
    maxFileMb,
    nearDuplicate,
    quiet: values.quiet!,
    help: values.help!,
  };
}
