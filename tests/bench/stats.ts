export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function summarise(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  return { n: sorted.length, median: at(0.5), p95: at(0.95), min: sorted[0] ?? NaN, max: sorted[sorted.length - 1] ?? NaN };
}

export function printFigure(label: string, values: number[], target?: string): void {
  const s = summarise(values);
  const f = (v: number) => v.toFixed(1);
  console.log(`BENCH ${label}: median ${f(s.median)} ms, p95 ${f(s.p95)} ms, min ${f(s.min)} ms, max ${f(s.max)} ms (n=${s.n})${target ? ` — target ${target}` : ''}`);
}
