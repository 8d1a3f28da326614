// Plain-JS entry of a pool worker: registers tsx in this thread, then loads the TypeScript
// worker. (`--import tsx` in a worker's execArgv does not reach the worker's own entry module
// on Node 20, so the worker could not start from a .ts file directly.)
import { tsImport } from "tsx/esm/api";

await tsImport("./worker.ts", import.meta.url);
