// Copies the pipeline's manifest.json (run provenance: inputs, versions, row counts).
import { readOutFile } from "../../scripts/site/pipeline-out.ts";

process.stdout.write(readOutFile("manifest.json"));
