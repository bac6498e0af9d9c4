// In-memory timing figures the benchmarks read (e.g. incoming-call pop-up latency). Nothing is sent
// anywhere; the bench reads them from the page with window.__frontdeskMetrics.
const metrics = new Map<string, number[]>();

export function recordMetric(name: string, value: number): void {
  const list = metrics.get(name) ?? [];
  list.push(value);
  if (list.length > 1000) list.shift();
  metrics.set(name, list);
}

export function readMetrics(): Record<string, number[]> {
  return Object.fromEntries(metrics);
}

declare global {
  interface Window {
    __frontdeskMetrics?: () => Record<string, number[]>;
  }
}

if (typeof window !== 'undefined') window.__frontdeskMetrics = readMetrics;
