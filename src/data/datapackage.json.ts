// Copies the pipeline's datapackage.json (table schemas, column descriptions, offset convention).
import { readOutFile } from "../../scripts/site/pipeline-out.ts";

process.stdout.write(readOutFile("datapackage.json"));
