// `speech-atlas evaluate` / `npm run evaluate`: scores a published output against gold
// annotations. Exit 0 after printing the scores, 2 on a usage error or an unreadable gold file.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { evaluate } from "./evaluate.ts";
import { formatReport } from "./format.ts";
import { GoldError, parseGold } from "./gold.ts";
import { readPublishedOutput } from "./read-output.ts";

export const EVALUATE_HELP = `Usage: speech-atlas evaluate --gold <gold.json> --out <published dir> [--json]
       npm run evaluate -- --gold <gold.json> --out <published dir> [--json]

Scores the tables the data command wrote into --out against hand annotations in --gold (a JSON
array with one object per file: file, title, genre, level, year, year_conflict, l1_headings,
l2_headings and optionally section_themes; the schema of ../shared/corpus/sample-gold.json).
Prints per file and overall: title exact (whitespace-insensitive), genre, level, year exact,
year conflict, level-1 heading precision/recall/F1, level-2 recall and section themes.

Options:
  --gold <file>   Gold annotations (required)
  --out <dir>     Output folder of a data run (default: out)
  --json          Print the scores as JSON instead of a table
  -h, --help      Show this help`;

export function evaluateCommand(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        gold: { type: "string" },
        out: { type: "string", default: "out" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
    }));
  } catch (err) {
    console.error(`speech-atlas evaluate: ${(err as Error).message}\nTry --help.`);
    return 2;
  }
  if (values.help) {
    console.log(EVALUATE_HELP);
    return 0;
  }
  if (!values.gold) {
    console.error("speech-atlas evaluate: --gold <gold.json> is required\nTry --help.");
    return 2;
  }
  let gold;
  try {
    gold = parseGold(readFileSync(values.gold, "utf8"));
  } catch (err) {
    const why =
      err instanceof GoldError
        ? err.message
        : `cannot read ${values.gold}: ${(err as Error).message}`;
    console.error(`speech-atlas evaluate: ${why}`);
    return 2;
  }
  let output;
  try {
    output = readPublishedOutput(values.out!);
  } catch (err) {
    console.error(`speech-atlas evaluate: ${(err as Error).message}`);
    return 2;
  }
  const result = evaluate(gold, output);
  console.log(
    values.json ? JSON.stringify(result, null, 2) : formatReport(result.files, result.overall),
  );
  return 0;
}
