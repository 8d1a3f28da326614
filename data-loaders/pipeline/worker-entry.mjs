// Plain-JS entry of a worker thread: registers tsx in this thread, then loads the TypeScript
// module named in workerData.module (relative to this folder). `--import tsx` in a worker's
// execArgv does not reach the worker's own entry module on Node 20, so a worker could not
// start from a .ts file directly.
import { workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

await tsImport(`./${workerData.module}`, import.meta.url);
