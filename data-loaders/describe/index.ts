// The describe stage's public surface.
export { describeSpeech, type SpeechDescription, type DescribeOptions } from "./describe-speech.ts";
export {
  parseAnchors,
  loadAnchors,
  loadAnchorSet,
  AnchorsFileError,
  DEFAULT_ANCHORS_PATH,
  type Anchor,
  type AnchorSet,
} from "./anchors.ts";
export { findAnchorHits, compileAnchors, foldForAnchors, type AnchorHit } from "./anchor-match.ts";
export { intersectAnchors, contentYear, type YearWindow } from "./year-window.ts";
export { findStatedYears, type StatedYear, type StatedRule } from "./stated-year.ts";
export { decideYear, type YearDecision } from "./year.ts";
export { findYearMentions, isPassingMention, type YearMention } from "./year-mentions.ts";
export { datelineYear, isDateline } from "./dateline.ts";
export { readFrontMatter, type FrontMatter } from "./front-matter.ts";
export { detectTitle, splitDeclaredLength, type TitleParts } from "./title.ts";
export { isSalutationLine } from "./salutation.ts";
export { detectClosing, type Closing } from "./closing.ts";
export { classifyGenre, type GenreDecision, type GenreInputs } from "./genre.ts";
export { classifyLevel, scoreLevels, levelOfRole, type LevelInputs } from "./level.ts";
export { roleInFrontMatter, roleInOpening } from "./speaker-role.ts";
export { findPlaceholders, countPlaceholders } from "./placeholders.ts";
export { countHan } from "./text-stats.ts";
export { qualityFlags, unbalancedPairs, isTruncated, declaredLengthMismatch } from "./quality.ts";
export { splitLines, splitSentences, contextSpan, type Line, type Span } from "./lines.ts";
