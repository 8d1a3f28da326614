// Public API of the clean stage: rule table (lexicon/cleaning-rules.yaml) and cleanText.
export { cleanText } from "./clean-text.ts";
export {
  loadCleaningRules,
  parseCleaningRules,
  CleaningRulesError,
  DEFAULT_RULES_PATH,
  type CleaningRule,
  type CleaningRules,
} from "./rules.ts";
