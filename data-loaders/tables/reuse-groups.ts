// Contract of the groups of speeches that share passages (issue 17; data-loaders/reuse/groups.ts).
import { defineTable } from "./spec.ts";

export interface ReuseGroupRow {
  speech_id: string;
  group_id: number;
  group_speeches: number;
  group_shared_chars: number;
}

export const reuseGroupsTable = defineTable<ReuseGroupRow>({
  name: "reuse_groups",
  title: "Groups of speeches sharing passages 文本复用分组",
  grain:
    "one row per speech in a group of speeches that share passages (speeches without such links are not listed)",
  primaryKey: ["speech_id"],
  columns: [
    { name: "speech_id", type: "string", description: "Speech in the group." },
    {
      name: "group_id",
      type: "integer",
      description:
        "Group number: 1 is the group with most speeches; ties go to the group whose smallest speech_id sorts first. Numbers are recomputed on every run.",
    },
    {
      name: "group_speeches",
      type: "integer",
      description: "Speeches in the group (at least 2, at most maxGroupSize, 50).",
    },
    {
      name: "group_shared_chars",
      type: "integer",
      description:
        "Han characters this speech shares with the other speeches of its group, summed over its links inside the group (a link: the smaller of the two sides' summed passage characters in reuse_passages).",
    },
  ],
  invariants: [
    "groups are single-linkage clusters of speech pairs that share at least minPairChars (200) Han characters in reuse_passages, links added strongest first, and a link is skipped when it would make a group larger than maxGroupSize (50)",
    "group_speeches = number of rows with that group_id, 2 <= group_speeches <= 50",
    "group_id runs 1..number of groups; a larger group never has a larger group_id",
    "group_shared_chars > 0, and every speech_id has rows in reuse_passages",
  ],
});
