// The h2o groupby questions as Kindling DataFrame code, shared by the peer (kindling.mjs) and the profiler
// (profile-groupby.mjs). Each returns [answer DataFrame, the value columns its checksum sums], or a string saying
// why it is unsupported.
export function groupbyQuestions(K) {
  const { col, functions: F } = K;
  return {
    q1: (x) => [x.groupBy('id1').agg(F.sum('v1').alias('v1')), ['v1']],
    q2: (x) => [x.groupBy('id1', 'id2').agg(F.sum('v1').alias('v1')), ['v1']],
    q3: (x) => [x.groupBy('id3').agg(F.sum('v1').alias('v1'), F.avg('v3').alias('v3')), ['v1', 'v3']],
    q4: (x) => [x.groupBy('id4').agg(F.avg('v1').alias('v1'), F.avg('v2').alias('v2'), F.avg('v3').alias('v3')), ['v1', 'v2', 'v3']],
    q5: (x) => [x.groupBy('id6').agg(F.sum('v1').alias('v1'), F.sum('v2').alias('v2'), F.sum('v3').alias('v3')), ['v1', 'v2', 'v3']],
    q6: (x) => [x.groupBy('id4', 'id5').agg(F.median('v3').alias('median_v3'), F.stddev('v3').alias('sd_v3')), ['median_v3', 'sd_v3']],
    q7: (x) => [x.groupBy('id3').agg(F.max('v1').minus(F.min('v2')).alias('range_v1_v2')), ['range_v1_v2']],
    q8: (x) => {
      if (!K.Window || typeof F.row_number !== 'function') return 'no window functions (Window / row_number not exported by @kindling/sql)';
      const w = K.Window.partitionBy('id6').orderBy(col('v3').desc());
      return [x.select('id6', 'v3').withColumn('rn', F.row_number().over(w)).filter(col('rn').leq(2)).select('id6', col('v3').alias('largest2_v3')), ['largest2_v3']];
    },
    q9: (x) => [x.groupBy('id2', 'id4').agg(F.pow(F.corr('v1', 'v2'), 2).alias('r2')), ['r2']],
    q10: (x) => [x.groupBy('id1', 'id2', 'id3', 'id4', 'id5', 'id6').agg(F.sum('v3').alias('v3'), F.count('*').alias('count')), ['v3', 'count']],
  };
}

/** The checksum aggregate over a question's answer: [rows, Σ of each value column] (the db-benchmark's chk). */
export async function checksum(K, ans, cols) {
  const { col, functions: F } = K;
  const [row] = await ans.agg(F.count('*').alias('n'), ...cols.map((c, i) => F.sum(col(c)).alias(`c${i}`))).collect();
  const num = (v) => (v === null || v === undefined ? null : Number(v));
  return [num(row.n), ...cols.map((_, i) => num(row[`c${i}`]))];
}
