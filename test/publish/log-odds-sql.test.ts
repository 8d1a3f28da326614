// data-loaders/sql/log-odds.sql (the one definition of the log-odds z, also run by the
// dashboard) against the formula written out here, and log-odds-compare.sql's shape.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openEngine } from "../../data-loaders/publish/duckdb.ts";
import { sqlText } from "../../data-loaders/sql/index.ts";

/** Monroe, Colaresi & Quinn (2008) eq. 16–20, written out independently of the SQL. */
function expectedZ(yA: number, nA: number, yB: number, nB: number, aW: number, a0: number) {
  const delta =
    Math.log((yA + aW) / (nA + a0 - yA - aW)) - Math.log((yB + aW) / (nB + a0 - yB - aW));
  return delta / Math.sqrt(1 / (yA + aW) + 1 / (yB + aW));
}

test("log_odds_z follows the formula and its sign says which group uses a term more", async () => {
  const db = await openEngine({ threads: 1 });
  try {
    const cases = [
      [10, 13, 2, 10, 12, 27],
      [0, 13, 5, 10, 5, 27],
      [3, 1000, 40, 50000, 43, 51000],
    ] as const;
    for (const c of cases) {
      const [{ z }] = (await db.rows(`SELECT log_odds_z(${c.join(", ")}) AS z`)) as [{ z: number }];
      assert.ok(Math.abs(z - expectedZ(c[0], c[1], c[2], c[3], c[4], c[5])) < 1e-12, `${c}: ${z}`);
    }
    const [{ more, less }] = (await db.rows(
      `SELECT log_odds_z(30, 100, 10, 100, 40, 200) AS more, log_odds_z(10, 100, 30, 100, 40, 200) AS less`,
    )) as [{ more: number; less: number }];
    assert.ok(more > 0 && less < 0 && Math.abs(more + less) < 1e-12);
  } finally {
    db.close();
  }
});

test("log-odds-compare.sql: totals from the input, terms used by A or B, z descending", async () => {
  const db = await openEngine({ threads: 1 });
  try {
    await db.run(
      `CREATE TABLE log_odds_input AS SELECT * FROM (VALUES ('a', 10, 2, 12), ('b', 0, 5, 5),
        ('c', 3, 3, 6), ('d', 0, 0, 4)) t(term, count_a, count_b, prior)`,
    );
    const rows = await db.rows(sqlText("log-odds-compare"));
    assert.deepEqual(
      rows.map((r) => r.term),
      ["a", "c", "b"],
    );
    for (const r of rows) {
      assert.equal(r.n_a, 13);
      assert.equal(r.n_b, 10);
      assert.equal(r.alpha0, 27);
      const z = expectedZ(
        r.count_a as number,
        13,
        r.count_b as number,
        10,
        r.alpha_w as number,
        27,
      );
      assert.ok(Math.abs((r.z as number) - z) < 1e-12);
    }
  } finally {
    db.close();
  }
});
