import type { ResolvedPlan } from '../analysis/resolved.js';
import { planKey } from './plan-key.js';
import { takeOrderedOf } from './take-ordered.js';
import { exprName } from '../expr/ast.js';
import type { LogicalPlan } from './logical.js';
import { boundText, sortKeyText } from './bound-text.js';
import { parseType } from '../types/parse-type.js';
import { windowGroupLimitText, windowNodeText, windowPhysicalLines } from './window-text.js';

function tree(lines: [number, string][]): string {
  return lines.map(([d, s]) => (d === 0 ? s : '   '.repeat(d - 1) + '+- ' + s)).join('\n');
}

function parsedLines(p: LogicalPlan, d = 0, out: [number, string][] = []): [number, string][] {
  const names = (es: { kind: string }[]) => es.map((e) => exprName(e as never)).join(', ');
  switch (p.kind) {
    case 'localRelation':
      out.push([d, `LocalRelation [${p.schema.fieldNames.join(', ')}]`]);
      break;
    case 'range':
      out.push([d, `Range (${p.start}, ${p.end}, step=${p.step}, splits=${p.numPartitions})`]);
      break;
    case 'fileScan':
      out.push([d, `Relation [${p.schema?.fieldNames.join(',') ?? ''}] ${p.format}`]);
      break;
    case 'project':
      out.push([d, `'Project [${names(p.exprs)}]`]);
      break;
    case 'filter':
      out.push([d, `'Filter ${exprName(p.condition)}`]);
      break;
    case 'aggregate':
      out.push([d, `'Aggregate [${names(p.groupBy)}], [${names(p.aggs)}]`]);
      break;
    case 'sort':
      out.push([d, `'Sort [${names(p.orders)}], ${!p.local}`]);
      break;
    case 'limit':
      out.push([d, `'GlobalLimit ${p.n}`]);
      break;
    case 'subqueryAlias':
      out.push([d, `'SubqueryAlias ${p.alias}`]);
      break;
    case 'join':
      out.push([d, `'Join ${p.how}${p.on ? `, ${exprName(p.on)}` : p.using ? `, USING (${p.using.join(', ')})` : ''}`]);
      parsedLines(p.left, d + 1, out);
      parsedLines(p.right, d + 1, out);
      return out;
    case 'union':
      out.push([d, `'Union${p.byName ? ' byName' : ''}`]);
      for (const c of p.children) parsedLines(c, d + 1, out);
      return out;
    case 'distinct':
      out.push([d, p.subset ? `'Deduplicate [${p.subset.join(', ')}]` : `'Distinct`]);
      break;
    case 'offset':
      out.push([d, `'Offset ${p.n}`]);
      break;
    case 'repartition':
      out.push([d, `'Repartition ${p.numPartitions}, ${p.shuffle}`]);
      break;
    case 'cached':
      out.push([d, `'InMemoryRelation ${p.holder.level}`]);
      return out;
    case 'rddScan':
      out.push([d, `LogicalRDD [${p.schema.fieldNames.join(', ')}], ${p.label}`]);
      return out;
    case 'replicate':
      out.push([d, `'ReplicateRows`]);
      break;
    case 'pickColumns':
      out.push([d, `'Project [${p.columns.map((c) => `#${c.ordinal}${c.name ? ` AS ${c.name}` : ''}`).join(', ')}]`]);
      break;
    case 'sample':
      out.push([d, `'Sample ${p.lower}, ${p.upper}, ${p.withReplacement}, ${p.seed}`]);
      break;
    case 'unpivot':
      out.push([d, `'Unpivot ${p.includeNulls ? '' : 'ExcludeNulls '}[${p.ids ? names(p.ids) : '*'}], [${p.values ? p.values.map((v) => `(${names(v.exprs)})`).join(', ') : '*'}], ${p.variableColumn}, [${p.valueColumns.join(', ')}]`]);
      break;
  }
  if ('child' in p) parsedLines(p.child, d + 1, out);
  return out;
}

function logicalLines(p: ResolvedPlan, d = 0, out: [number, string][] = []): [number, string][] {
  const input = 'child' in p ? p.child.output : [];
  const cols = (attrs: { name: string }[]) => attrs.map((a) => a.name).join(', ');
  switch (p.kind) {
    case 'localRelation':
      out.push([d, `LocalRelation [${cols(p.output)}]`]);
      break;
    case 'range':
      out.push([d, `Range (${p.start}, ${p.end}, step=${p.step}, splits=${p.numPartitions})`]);
      break;
    case 'fileScan':
      out.push([d, `Relation [${p.columns.join(',')}] ${p.format}`]);
      break;
    case 'project':
      out.push([d, `Project [${p.exprs.map((e, i) => (e.kind === 'input' && input[e.ordinal]?.name === p.output[i]!.name ? p.output[i]!.name : `${boundText(e, input)} AS ${p.output[i]!.name}`)).join(', ')}]`]);
      break;
    case 'filter':
      out.push([d, `Filter ${boundText(p.condition, input)}`]);
      break;
    case 'aggregate':
      out.push([d, `Aggregate [${p.groupBy.map((g) => boundText(g, input)).join(', ')}], [${p.aggs.map((a) => `${a.name}(${a.distinct ? 'distinct ' : ''}${a.args.map((x) => boundText(x, input)).join(', ')})`).join(', ')}]`]);
      break;
    case 'sort':
      out.push([d, `Sort [${p.orders.map((o) => sortKeyText(o, input)).join(', ')}], ${!p.local}`]);
      break;
    case 'limit':
      out.push([d, `GlobalLimit ${p.n}`]);
      break;
    case 'join':
      out.push([d, `Join ${p.how}${joinCondition(p)}`]);
      logicalLines(p.left, d + 1, out);
      logicalLines(p.right, d + 1, out);
      return out;
    case 'union':
      out.push([d, 'Union']);
      for (const c of p.children) logicalLines(c, d + 1, out);
      return out;
    case 'offset':
      out.push([d, `Offset ${p.n}`]);
      break;
    case 'repartition':
      out.push([d, `Repartition ${p.numPartitions}, ${p.shuffle}`]);
      break;
    case 'cached':
      out.push([d, `InMemoryRelation [${cols(p.output)}], ${p.holder.level}`]);
      return out;
    case 'rddScan':
      out.push([d, `LogicalRDD [${cols(p.output)}], ${p.label}`]);
      return out;
    case 'replicate':
      out.push([d, 'ReplicateRows']);
      break;
    case 'sample':
      out.push([d, `Sample ${p.lower}, ${p.upper}, ${p.withReplacement}, ${p.seed}`]);
      break;
    case 'generate':
      out.push([d, `Generate ${boundText(p.generator, input)}, [${p.output.slice(p.child.output.length).map((a) => a.name).join(', ')}]`]);
      break;
    case 'window':
      out.push([d, windowNodeText(p)]);
      break;
    case 'windowGroupLimit':
      out.push([d, windowGroupLimitText(p)]);
      break;
    case 'expand':
      out.push([d, expandText(p)]);
      break;
  }
  if ('child' in p) logicalLines(p.child, d + 1, out);
  return out;
}

/**
 * Expand [[a, b, 0], [a, null, 1], ...], [names]: the projections without their leading columns that only pass the
 * child's columns through (for grouping sets: the grouping key copies and the grouping id).
 */
function expandText(p: Extract<ResolvedPlan, { kind: 'expand' }>): string {
  let n = 0;
  while (n < p.child.output.length && p.projections.every((pr) => pr[n]?.kind === 'input' && (pr[n] as { ordinal: number }).ordinal === n)) n++;
  const sets = p.projections.map((pr) => `[${pr.slice(n).map((b) => boundText(b, p.child.output)).join(', ')}]`);
  return `Expand [${sets.join(', ')}], [${p.output.slice(n).map((a) => a.name).join(', ')}]`;
}

function joinCondition(p: Extract<ResolvedPlan, { kind: 'join' }>): string {
  const keys = p.leftKeys.map((k, i) => `(${boundText(k, p.left.output)} = ${boundText(p.rightKeys[i]!, p.right.output)})`);
  const all = [...keys, ...(p.residual ? [boundText(p.residual, [...p.left.output, ...p.right.output])] : [])];
  return all.length ? `, ${all.join(' AND ')}` : '';
}

/**
 * The physical plan, as the planner runs it: each Exchange is a shuffle (a stage boundary in the core scheduler),
 * and `*(n)` marks operators fused into stage n's tasks.
 */
type JoinNode = Extract<ResolvedPlan, { kind: 'join' }>;

/** How the planner runs a join: the side it broadcasts, and for a shuffled join the side it may broadcast adaptively. */
export interface JoinStrategy {
  broadcastSide(j: JoinNode): 'left' | 'right' | null;
  adaptiveSides(j: JoinNode): { side: 'left' | 'right'; use: 'broadcast' | 'keys' }[];
  readonly broadcastThreshold: number;
}

const STATIC: JoinStrategy = { broadcastSide: () => null, adaptiveSides: () => [], broadcastThreshold: -1 };

function physicalLines(p: ResolvedPlan, shufflePartitions: number, joins: JoinStrategy): [number, string][] {
  const out: [number, string][] = [];
  let stage = 0;
  const exchanges = new Set<string>();
  const visit = (n: ResolvedPlan, d: number): void => {
    const input = 'child' in n ? n.child.output : [];
    const push = (s: string) => out.push([d, s]);
    switch (n.kind) {
      case 'aggregate': {
        const keys = n.groupBy.map((g) => boundText(g, input)).join(', ');
        const fns = n.aggs.map((a) => `${a.name}(${a.args.map((x) => boundText(x, input)).join(', ')})`);
        push(`HashAggregate(keys=[${keys}], functions=[${fns.join(', ')}])`);
        const exchange = n.groupBy.length ? `Exchange hashpartitioning(${keys}, ${shufflePartitions})` : 'Exchange SinglePartition';
        // an equal aggregate met before is planned once (exec/planner.ts): its exchange is reused, as Spark prints it
        const key = planKey(n);
        if (exchanges.has(key)) {
          out.push([d + 1, `ReusedExchange [${n.output.map((a) => a.name).join(', ')}], ${exchange}`]);
          return;
        }
        exchanges.add(key);
        out.push([d + 1, exchange]);
        out.push([d + 2, `HashAggregate(keys=[${keys}], functions=[${fns.map((f) => 'partial_' + f).join(', ')}])`]);
        visit(n.child, d + 3);
        return;
      }
      case 'sort':
        push(`Sort [${n.orders.map((o) => sortKeyText(o, input)).join(', ')}], ${!n.local}`);
        if (n.local) {
          visit(n.child, d + 1);
          return;
        }
        out.push([d + 1, `Exchange rangepartitioning(${n.orders.map((o) => boundText(o.expr, input)).join(', ')})`]);
        visit(n.child, d + 2);
        return;
      case 'limit': {
        const top = takeOrderedOf(n);
        if (top) {
          const orders = top.sort.orders.map((o) => sortKeyText(o, top.sort.child.output));
          push(`TakeOrderedAndProject(limit=${n.n}, orderBy=[${orders.join(', ')}], output=[${n.output.map((a) => a.name).join(', ')}])`);
          // each task's first rows in order are brought together by this shuffle (exec/planner.ts)
          out.push([d + 1, 'Exchange SinglePartition']);
          visit(top.sort.child, d + 2);
          return;
        }
        push(`GlobalLimit ${n.n}`);
        out.push([d + 1, 'Exchange SinglePartition']);
        out.push([d + 2, `LocalLimit ${n.n}`]);
        visit(n.child, d + 3);
        return;
      }
      case 'project':
        push(`Project [${n.exprs.map((e, i) => (e.kind === 'input' && input[e.ordinal]!.name === n.output[i]!.name ? n.output[i]!.name : `${boundText(e, input)} AS ${n.output[i]!.name}`)).join(', ')}]`);
        break;
      case 'filter':
        push(`Filter ${boundText(n.condition, input)}`);
        break;
      case 'fileScan':
        push(
          `FileScan ${n.format} [${n.columns.join(',')}] ${n.paths}` +
            (n.partitions ? `, PartitionFilters: [${(n.partitionFilters ?? []).map((f) => boundText(f, n.partitions!.columns.map((c) => ({ name: c.name, type: parseType(c.type), nullable: true })))).join(', ')}]` : ''),
        );
        break;
      case 'range':
        push(`Range (${n.start}, ${n.end}, step=${n.step}, splits=${n.numPartitions})`);
        break;
      case 'localRelation':
        push(`LocalTableScan [${n.output.map((a) => a.name).join(', ')}]`);
        break;
      case 'union':
        push('Union');
        for (const c of n.children) visit(c, d + 1);
        return;
      case 'offset':
        push(`GlobalOffset ${n.n}`);
        out.push([d + 1, 'Exchange SinglePartition']);
        visit(n.child, d + 2);
        return;
      case 'repartition':
        push(n.shuffle ? `Exchange ${n.by.length ? `hashpartitioning(${n.by.map((b) => boundText(b, input)).join(', ')}, ${n.numPartitions})` : `RoundRobinPartitioning(${n.numPartitions})`}` : `Coalesce ${n.numPartitions}`);
        break;
      case 'replicate':
        push('ReplicateRows');
        break;
      case 'sample':
        push(`Sample ${n.lower}, ${n.upper}, ${n.withReplacement}, ${n.seed}`);
        break;
      case 'generate':
        push(`Generate ${boundText(n.generator, input)}, [${n.output.slice(n.child.output.length).map((a) => a.name).join(', ')}]`);
        break;
      case 'expand':
        push(expandText(n));
        break;
      case 'windowGroupLimit':
        // Only the map side runs as its own step (the filter above the Window does the rest).
        push(`${windowGroupLimitText(n)}, Partial`);
        break;
      case 'window': {
        push(windowNodeText(n));
        const [sort, exchange] = windowPhysicalLines(n, shufflePartitions);
        out.push([d + 1, sort]);
        // Under a group limit the Window task applies it again to the shuffled rows before sorting them.
        const final = n.child.kind === 'windowGroupLimit' ? 1 : 0;
        if (n.child.kind === 'windowGroupLimit') out.push([d + 2, `${windowGroupLimitText(n.child)}, Final`]);
        out.push([d + 2 + final, exchange]);
        visit(n.child, d + 3 + final);
        return;
      }
      case 'cached':
        push(`InMemoryTableScan [${n.output.map((a) => a.name).join(', ')}], ${n.holder.level}`);
        return;
      case 'rddScan':
        push(`Scan ExistingRDD [${n.output.map((a) => a.name).join(', ')}], ${n.label}`);
        return;
      case 'join': {
        if (n.leftKeys.length === 0) {
          const side = joins.broadcastSide(n);
          if (side) {
            push(`BroadcastNestedLoopJoin Build${side === 'right' ? 'Right' : 'Left'}, ${n.how}${joinCondition(n)}`);
            for (const [child, isBuild] of [[n.left, side === 'left'], [n.right, side === 'right']] as const) {
              if (isBuild) {
                out.push([d + 1, 'BroadcastExchange']);
                visit(child, d + 2);
              } else visit(child, d + 1);
            }
            return;
          }
          push(`CartesianProduct ${n.how}${joinCondition(n)}`);
          visit(n.left, d + 1);
          visit(n.right, d + 1);
          return;
        }
        const lk = n.leftKeys.map((k) => boundText(k, n.left.output)).join(', ');
        const rk = n.rightKeys.map((k) => boundText(k, n.right.output)).join(', ');
        const side = joins.broadcastSide(n);
        if (side) {
          push(`BroadcastHashJoin [${lk}], [${rk}], ${n.how}, Build${side === 'right' ? 'Right' : 'Left'}${n.residual ? `, ${boundText(n.residual, [...n.left.output, ...n.right.output])}` : ''}`);
          for (const [child, isBuild] of [[n.left, side === 'left'], [n.right, side === 'right']] as const) {
            if (isBuild) {
              out.push([d + 1, 'BroadcastExchange']);
              visit(child, d + 2);
            } else visit(child, d + 1);
          }
          return;
        }
        // adaptive: the plan is decided at run time (Spark's AdaptiveSparkPlan isFinalPlan=false), so say how
        // in the order they are tried (key filters first: adaptive-join.ts)
        const tries = joins.adaptiveSides(n);
        const builds = tries.filter((t) => t.use === 'broadcast').map((t) => `Build${t.side === 'right' ? 'Right' : 'Left'}`);
        const adaptive = [
          ...tries.filter((t) => t.use === 'keys').map((t) => `the ${t.side === 'left' ? 'right' : 'left'} side filtered by the ${t.side} side's keys`),
          ...(builds.length ? [`BroadcastHashJoin ${builds.join(' or ')}`] : []),
        ];
        const note = adaptive.length ? `, adaptive: ${adaptive.join(', or ')} if that side's shuffle is at most ${joins.broadcastThreshold} bytes` : '';
        push(`ShuffledHashJoin [${lk}], [${rk}], ${n.how}${n.residual ? `, ${boundText(n.residual, [...n.left.output, ...n.right.output])}` : ''}${note}`);
        out.push([d + 1, `Exchange hashpartitioning(${lk}, ${shufflePartitions})`]);
        visit(n.left, d + 2);
        out.push([d + 1, `Exchange hashpartitioning(${rk}, ${shufflePartitions})`]);
        visit(n.right, d + 2);
        return;
      }
    }
    if ('child' in n) visit(n.child, d + 1);
  };
  visit(p, 0);
  void stage;
  return out;
}

export function explainPlan(
  parsed: LogicalPlan,
  analyzed: ResolvedPlan,
  optimized: ResolvedPlan,
  extended: boolean,
  shufflePartitions = 200,
  joins: JoinStrategy = STATIC,
): string {
  const physical = `== Physical Plan ==\n${tree(physicalLines(optimized, shufflePartitions, joins))}\n`;
  if (!extended) return physical;
  return [
    `== Parsed Logical Plan ==\n${tree(parsedLines(parsed))}`,
    `== Analyzed Logical Plan ==\n${analyzed.output.map((a) => `${a.name}: ${a.type.simpleString()}`).join(', ')}\n${tree(logicalLines(analyzed))}`,
    `== Optimized Logical Plan ==\n${tree(logicalLines(optimized))}`,
    physical,
  ].join('\n\n');
}
