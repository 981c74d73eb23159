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

/** Each feature's mean and standard deviation over the rows (1 where a feature never varies). */
function standardisation(rows: readonly (readonly number[])[]): { mean: number[]; scale: number[] } {
  const n = rows.length;
  const d = rows[0]?.length ?? 0;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const row of rows) for (let j = 0; j < d; j++) mean[j]! += row[j]! / n;
  for (const row of rows) for (let j = 0; j < d; j++) scale[j]! += (row[j]! - mean[j]!) ** 2 / n;
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]!) || 1;
  return { mean, scale };
}

/** A row standardised, with a leading 1 for the bias. */
const standardised = (row: readonly number[], { mean, scale }: { mean: number[]; scale: number[] }) => [1, ...row.map((v, j) => (v - mean[j]!) / scale[j]!)];

export function fitLogistic(rows: readonly number[][], labels: readonly number[], l2 = 1): LogisticFit {
  const n = rows.length;
  const d = rows[0]?.length ?? 0;
  const { mean, scale } = standardisation(rows);
  const x = rows.map((row) => standardised(row, { mean, scale }));
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

/** One question's retrieval hits: a feature row and a 0/1 label (acceptable or not) per hit. */
export interface HitGroup {
  features: readonly number[][];
  labels: readonly number[];
}

/**
 * The listwise form (a conditional logit): each hit scores bias + w·x, and the question's hits
 * compete with each other and with "none of them" (score 0) in one softmax, so the probability
 * of the first hit falls when another is nearly as good. Fitted by Adam on the log-likelihood of
 * the acceptable hits (of "none" when no hit is acceptable), with an L2 penalty.
 */
export function fitListwise(groups: readonly HitGroup[], l2 = 1, iterations = 2500): LogisticFit {
  const rows = groups.flatMap((g) => g.features);
  const d = rows[0]?.length ?? 0;
  const { mean, scale } = standardisation(rows);
  const xs = groups.map((g) => g.features.map((row) => standardised(row, { mean, scale })));
  const w = new Array<number>(d + 1).fill(0);
  const m = new Array<number>(d + 1).fill(0);
  const v = new Array<number>(d + 1).fill(0);
  const rate = 0.05;
  for (let t = 1; t <= iterations; t++) {
    const gradient = new Array<number>(d + 1).fill(0);
    groups.forEach((group, gi) => {
      const x = xs[gi]!;
      if (x.length === 0) return;
      const scores = x.map((xi) => dot(w, xi));
      const top = Math.max(0, ...scores);
      const exps = scores.map((s) => Math.exp(s - top));
      const z = Math.exp(-top) + exps.reduce((a, b) => a + b, 0);
      const positive = exps.reduce((a, e, i) => a + (group.labels[i] ? e : 0), 0);
      for (let i = 0; i < x.length; i++) {
        const g = exps[i]! / z - (group.labels[i] && positive > 0 ? exps[i]! / positive : 0);
        if (g === 0) continue;
        const xi = x[i]!;
        for (let a = 0; a <= d; a++) gradient[a]! += g * xi[a]!;
      }
    });
    for (let a = 1; a <= d; a++) gradient[a]! += l2 * w[a]!;
    for (let a = 0; a <= d; a++) {
      m[a] = 0.9 * m[a]! + 0.1 * gradient[a]!;
      v[a] = 0.999 * v[a]! + 0.001 * gradient[a]! ** 2;
      const mHat = m[a]! / (1 - 0.9 ** t);
      const vHat = v[a]! / (1 - 0.999 ** t);
      w[a]! -= (rate * mHat) / (Math.sqrt(vHat) + 1e-8);
    }
  }
  return { mean, scale, weights: w.slice(1), bias: w[0]! };
}
