// Sample speeches as the clean stage will hand them over. Until that stage is wired in, the
// boilerplate the gold lists (and the advertising tail of 004, from 【哒哒素材库】 on) is cut
// here so that tests do not depend on it.
import { loadGold, loadSampleCleaned, type GoldSpeech } from "../helpers/sample.ts";

export function cleanedSample(gold: GoldSpeech): string {
  let text = loadSampleCleaned(gold.file);
  const ad = text.indexOf("【哒哒素材库】");
  if (ad >= 0) text = text.slice(0, ad).trimEnd();
  const lines = text.split("\n").filter((line) => !gold.boilerplate.some((b) => line.includes(b)));
  return lines.join("\n");
}

export function goldSpeeches(): GoldSpeech[] {
  return loadGold();
}
