// Sample speeches as the clean stage hands them over to the segmenter.
import { loadGold, loadSampleCleaned, type GoldSpeech } from "../helpers/sample.ts";

export function cleanedSample(gold: GoldSpeech): string {
  return loadSampleCleaned(gold.file);
}

export function goldSpeeches(): GoldSpeech[] {
  return loadGold();
}
