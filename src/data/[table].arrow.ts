// Re-encodes one published Parquet table as an Arrow IPC stream for the browser: DuckDB-wasm
// inserts Arrow IPC natively, while reading Parquet would need its parquet extension, which is
// downloaded from DuckDB's extension server at run time (unreachable offline).
import * as parquet from "parquet-wasm";
import { readOutFile, tableParam } from "../../scripts/site/pipeline-out.ts";

process.stdout.write(parquet.readParquet(readOutFile(`${tableParam()}.parquet`)).intoIPCStream());
