/** What the benchmarking page says after a change: one of these, never text from the address bar. */
export const benchmarkDoneMessages = {
  consented: 'Your trust now takes part in the benchmarks',
  withdrawn: 'Your trust no longer takes part in the benchmarks',
} as const;
export type BenchmarkDone = keyof typeof benchmarkDoneMessages;

/** The benchmark filters as the page's form sends them; empty means "all". */
export interface BenchmarkFilters {
  region?: string;
  size?: string;
}

/** Every URL of the benchmark pages, built in one place. */
export const benchmarkPaths = {
  routes: {
    consent: '/organisations/:id/benchmarking',
    benchmarks: '/reviews/:id/benchmarks',
  },
  consent: (organisationId: string, done?: BenchmarkDone): string =>
    `/organisations/${organisationId}/benchmarking${done ? `?done=${done}` : ''}`,
  benchmarks: (reviewId: string, { region, size }: BenchmarkFilters = {}): string => {
    const search = new URLSearchParams();
    if (region) search.set('region', region);
    if (size) search.set('size', size);
    const text = search.toString();
    return `/reviews/${reviewId}/benchmarks${text ? `?${text}` : ''}`;
  },
} as const;
