/*
 * The sides of a join whose rows a condition from the join may filter before it: a row it rejects could match
 * nothing through that condition anyway, and the join keeps no unmatched rows of that side. Both sides of inner,
 * cross and semi joins; the right side of left outer and anti joins, the left side of right outer joins; neither
 * of a full outer join. Used by PushExtraPredicateThroughJoin and PushJoinConditionIntoSides (Spark's
 * PushPredicateThroughJoin for join conditions), and by adaptive joins filtering a side by the other's keys.
 */
export const LEFT_FILTERABLE: ReadonlySet<string> = new Set(['inner', 'cross', 'left_semi', 'right']);
export const RIGHT_FILTERABLE: ReadonlySet<string> = new Set(['inner', 'cross', 'left_semi', 'left', 'left_anti']);
