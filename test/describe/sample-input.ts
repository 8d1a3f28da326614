// Sample texts as the describe stage will see them: the stand-in cleaner keeps the trailing ad
// blocks of 002 and 004 that the clean stage removes, so cut them here.
import { loadSampleCleaned } from "../helpers/sample.ts";

const AD_STARTS = ["【哒哒素材库】", "本DOCX文档由"];

export function describeInput(file: string): string {
  let text = loadSampleCleaned(file);
  for (const marker of AD_STARTS) {
    const at = text.indexOf(marker);
    if (at >= 0) text = text.slice(0, at);
  }
  return text.trimEnd();
}
