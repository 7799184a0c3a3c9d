/**
 * The association LP's exact optimum as a min-cost flow: every row (user) picks one of its
 * candidate columns (servers), at most `cap` rows per column, minimising the summed cost.
 *
 * Why not HiGHS here: this LP is a capacitated transportation problem, whose vertices are the
 * integral assignments, and successive shortest paths solve it exactly on a graph of the columns
 * alone. HiGHS, through LP text, takes about a second per LP at 1,000 users and tens of seconds
 * at 10,000 (200,000 columns), and CCCP solves dozens; this solves the 10,000-user LPs in tens of
 * milliseconds. HiGHS stays the reference: tests solve the same LPs with both and compare.
 *
 * Method (Ahuja, Magnanti & Orlin, *Network Flows*, §9.7): start from every row at its cheapest
 * column — optimal without caps — and move the excess of each over-full column to a column with
 * room along a shortest path of row moves. Moving row i from column a to b costs
 * c_ib − c_ia; the cheapest such move per (a, b) is kept in a matrix, so each Dijkstra is
 * O(columns²) and only the columns on the path are rescanned. Node potentials keep every reduced
 * cost non-negative (a starting column is a row's cheapest, so they start at 0), which is what
 * makes Dijkstra valid and each path, hence the final flow, optimal.
 */

/** No assignment meets the caps: the over-full columns reach no column with room. */
export class InfeasibleAssignmentError extends Error {
  override readonly name = 'InfeasibleAssignmentError';
}

/**
 * @param candidates each row's candidate columns (distinct, in 0..columns−1)
 * @param cost c_ij aligned with `candidates`
 * @param cap most rows a column may take
 * @returns the chosen candidate index of each row
 */
export function cappedAssignment(
  candidates: readonly (readonly number[])[],
  cost: readonly (readonly number[])[],
  cap: number,
  columns: number,
): number[] {
  const rows = candidates.length;
  const choice = new Int32Array(rows);
  const columnOf = new Int32Array(rows);
  const members: number[][] = Array.from({ length: columns }, () => []);
  for (let i = 0; i < rows; i++) {
    const c = cost[i] ?? [];
    let best = 0;
    for (let j = 1; j < c.length; j++) if ((c[j] ?? Infinity) < (c[best] ?? Infinity)) best = j;
    choice[i] = best;
    const m = candidates[i]?.[best] ?? -1;
    columnOf[i] = m;
    members[m]?.push(i);
  }
  // move[a·columns + b]: the cheapest c_ib − c_ia over rows i at a; moveRow: that row.
  const move = new Float64Array(columns * columns);
  const moveRow = new Int32Array(columns * columns);
  const rescan = (a: number): void => {
    move.fill(Infinity, a * columns, (a + 1) * columns);
    for (const i of members[a] ?? []) {
      const c = cost[i] ?? [];
      const list = candidates[i] ?? [];
      const base = c[choice[i] ?? 0] ?? NaN;
      for (let j = 0; j < list.length; j++) {
        const b = list[j] ?? a;
        const k = a * columns + b;
        const d = (c[j] ?? NaN) - base;
        if (b !== a && d < (move[k] ?? Infinity)) {
          move[k] = d;
          moveRow[k] = i;
        }
      }
    }
  };
  for (let a = 0; a < columns; a++) rescan(a);
  const potential = new Float64Array(columns);
  const dist = new Float64Array(columns);
  const done = new Uint8Array(columns);
  const pred = new Int32Array(columns);
  for (let s = 0; s < columns; s++) {
    while ((members[s]?.length ?? 0) > cap) {
      const t = shortestPathToRoom(s);
      for (let v = 0; v < columns; v++)
        potential[v] = (potential[v] ?? 0) + Math.min(dist[v] ?? 0, dist[t] ?? 0);
      const path: number[] = [t];
      for (let v = t; v !== s;) {
        v = pred[v] ?? s;
        path.push(v);
      }
      // Move one row along each arc, from the source's end so each moves from where it is.
      for (let k = path.length - 1; k > 0; k--) {
        const a = path[k] ?? 0;
        const b = path[k - 1] ?? 0;
        const i = moveRow[a * columns + b] ?? 0;
        const from = members[a] ?? [];
        from.splice(from.indexOf(i), 1);
        members[b]?.push(i);
        columnOf[i] = b;
        choice[i] = (candidates[i] ?? []).indexOf(b);
      }
      for (const v of path) rescan(v);
    }
  }
  return Array.from(choice);

  /** Dijkstra on reduced costs from s to the nearest column with room; fills dist and pred. */
  function shortestPathToRoom(s: number): number {
    dist.fill(Infinity);
    done.fill(0);
    dist[s] = 0;
    for (;;) {
      let v = -1;
      for (let u = 0; u < columns; u++) {
        if (done[u] === 0 && (dist[u] ?? Infinity) < (v < 0 ? Infinity : (dist[v] ?? Infinity))) v = u;
      }
      if (v < 0) {
        throw new InfeasibleAssignmentError(
          `no assignment puts at most ${cap} rows on every column: column ${s} cannot shed its excess`,
        );
      }
      done[v] = 1;
      if (v !== s && (members[v]?.length ?? 0) < cap) return v;
      const dv = dist[v] ?? Infinity;
      for (let b = 0; b < columns; b++) {
        const w = move[v * columns + b] ?? Infinity;
        if (done[b] === 1 || w === Infinity) continue;
        // ≥ 0 in exact arithmetic; rounding may leave −1e-16, which must not reorder Dijkstra.
        const nd = dv + Math.max(0, w + (potential[v] ?? 0) - (potential[b] ?? 0));
        if (nd < (dist[b] ?? Infinity)) {
          dist[b] = nd;
          pred[b] = v;
        }
      }
    }
  }
}
