/**
 * Logistic regression for the decision model: features standardised, weights fitted by
 * Newton's method (a few iterations on a few thousand rows) with an L2 penalty.
 */
export interface LogisticFit {
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

export function fitLogistic(rows: readonly number[][], labels: readonly number[], l2 = 1): LogisticFit {
  const n = rows.length;
  const d = rows[0]?.length ?? 0;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const row of rows) for (let j = 0; j < d; j++) mean[j]! += row[j]! / n;
  for (const row of rows) for (let j = 0; j < d; j++) scale[j]! += (row[j]! - mean[j]!) ** 2 / n;
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]!) || 1;
  const x = rows.map((row) => [1, ...row.map((v, j) => (v - mean[j]!) / scale[j]!)]);
  const w = new Array<number>(d + 1).fill(0);
  for (let iteration = 0; iteration < 25; iteration++) {
    const gradient = new Array<number>(d + 1).fill(0);
    const hessian = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    for (let i = 0; i < n; i++) {
      const xi = x[i]!;
      const p = sigmoid(dot(w, xi));
      const r = p * (1 - p);
      for (let a = 0; a <= d; a++) {
        gradient[a]! += (p - labels[i]!) * xi[a]!;
        for (let b = a; b <= d; b++) hessian[a]![b]! += r * xi[a]! * xi[b]!;
      }
    }
    for (let a = 1; a <= d; a++) {
      gradient[a]! += l2 * w[a]!;
      hessian[a]![a]! += l2;
    }
    for (let a = 0; a <= d; a++) for (let b = 0; b < a; b++) hessian[a]![b] = hessian[b]![a]!;
    const step = solve(hessian, gradient);
    let change = 0;
    for (let a = 0; a <= d; a++) {
      w[a]! -= step[a]!;
      change = Math.max(change, Math.abs(step[a]!));
    }
    if (change < 1e-6) break;
  }
  return { mean, scale, weights: w.slice(1), bias: w[0]! };
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Gaussian elimination with partial pivoting: A x = b. */
function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const p = a[col]![col]! || 1e-12;
    for (let row = col + 1; row < n; row++) {
      const f = a[row]![col]! / p;
      for (let k = col; k <= n; k++) a[row]![k]! -= f * a[col]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row--) {
    let s = a[row]![n]!;
    for (let k = row + 1; k < n; k++) s -= a[row]![k]! * x[k]!;
    x[row] = s / (a[row]![row]! || 1e-12);
  }
  return x;
}
