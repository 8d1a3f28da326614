// Copies the pipeline's published CSV for one table, unchanged: the download artifact.
import { readOutFile, tableParam } from "../../scripts/site/pipeline-out.ts";

process.stdout.write(readOutFile(`${tableParam()}.csv`));
