// Bilingual display labels for the controlled vocabularies of data-loaders/types.ts.
// Unknown values are shown as they are, so a new pipeline value never disappears from a chart.

export const GENRE = {
  conference_speech: "会议讲话 Conference speech",
  study_session_remarks: "研讨发言 Study-session remarks",
  report: "工作报告 Report",
  other: "其他 Other",
};

export const LEVEL = {
  central: "中央 Central",
  province: "省级 Province",
  city: "市级 City",
  prefecture: "地级 Prefecture",
  county: "县级 County",
  district: "区级 District",
  unknown: "未知 Unknown",
};

export const YEAR_BASIS = {
  explicit: "正文明示 explicit",
  title: "标题 title",
  inferred: "推断 inferred",
  unknown: "未知 unknown",
  metadata: "用户元数据 metadata",
};

export const STATUS = {
  ingested: "已导入 ingested",
  duplicate: "重复 duplicate",
  quarantined: "隔离 quarantined",
};

/** Label from one of the maps above, falling back to the raw value. */
export function label(map, value) {
  if (value == null) return "—";
  return map[value] ?? String(value);
}

/** Short display name of a speech: its title, else its source file; trimmed to `max` characters. */
export function speechName(d, max = 28) {
  const name = d.title ?? d.source_file ?? d.speech_id;
  return name.length > max ? name.slice(0, max - 1) + "…" : name;
}
