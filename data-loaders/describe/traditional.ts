// Traditional characters folded to simplified ones, one code unit for one, so that cue patterns
// written in simplified characters (全国代表大会, 中央委员会, 工作报告) also read texts of the 1920s–40s
// and of Hong Kong and Taiwan sources, and offsets stay valid. Only characters that occur in the
// describe stage's cues and dated anchors are listed: this is not a converter.
const PAIRS =
  "會会議议國国黨党員员屆届報报講讲話话發发長长書书記记義义務务開开舉举縣县區区廣广東东體体們们來来關关於于為为這这現现時时學学習习級级總总結结處处團团幹干經经濟济論论聯联軍军傳传達达導导頭头門门問问題题專专業业織织組组設设進进動动產产勞劳農农個个與与對对從从將将條条歷历戰战爭争勝胜華华澤泽鄧邓選选權权歲岁萬万億亿兩两號号職职鬥斗電电紀纪綱纲領领樣样實实際际決决廠厂鐵铁漢汉罷罢滬沪蘇苏聯联鮮鲜維维觀观點点歷历屆届陳陈獨独劃划計计畫画號号歡欢慶庆節节屆届幣币稅税財财貿贸價价錢钱銀银衛卫醫医藥药師师範范訓训練练談谈請请認认識识證证據据變变嚴严厲厉萬万辦办遠远壓压擴扩邊边鄉乡鎮镇貧贫窮穷復复興兴責责負负擔担參参議议衆众眾众屬属";

const MAP = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) MAP.set(PAIRS[i] as string, PAIRS[i + 1] as string);
const TRADITIONAL = new RegExp(`[${[...MAP.keys()].join("")}]`, "g");

/** The text with listed traditional characters replaced by their simplified forms. */
export function foldTraditional(text: string): string {
  return text.replace(TRADITIONAL, (ch) => MAP.get(ch) ?? ch);
}
