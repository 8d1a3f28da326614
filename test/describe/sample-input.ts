// Sample texts as the describe stage sees them: decoded, normalized and cleaned by the real stages.
import { loadSampleCleaned } from "../helpers/sample.ts";

export function describeInput(file: string): string {
  return loadSampleCleaned(file);
}
