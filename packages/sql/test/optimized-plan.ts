import type { DataFrame } from '@kindling/sql';

/** The optimized logical plan of `df` as explain prints it (the section between its header and the next). */
export const optimized = (df: DataFrame) => df.explainString(true).split('== Optimized Logical Plan ==\n')[1]!.split('\n\n')[0]!;
