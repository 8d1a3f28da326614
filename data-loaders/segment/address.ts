// Salutation lines: a line that only addresses the audience ("同志们！", "各位代表：",
// "女士们、先生们、朋友们！"). Speeches open with one and often start a new part with one.

const ADDRESSEES =
  "同志们|朋友们|代表们|各位代表|各位委员|各位同志|各位领导|各位嘉宾|女士们|先生们";
const BARE_ADDRESS = new RegExp(
  `^(?:尊敬的)?(?:[^，。！？!?：:]{0,8}(?:${ADDRESSEES})[、，,]?)+[！!：:。]?$`,
);
const MAX_LENGTH = 40;

/** Whether a paragraph is nothing but a salutation. */
export function isBareAddress(paragraphText: string): boolean {
  return paragraphText.length <= MAX_LENGTH && BARE_ADDRESS.test(paragraphText);
}
