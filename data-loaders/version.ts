// Bumped whenever a change alters any output for the same input; recorded in manifest.json and
// datapackage.json, and part of the cache key of per-speech results.
export const PIPELINE_VERSION = "0.3.5";
