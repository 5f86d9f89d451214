/**
 * The benchmark pages as one Fastify plugin, `benchmarkRoutes(app, { db })`, for the reviews
 * module's plugin to register: the consent page under the trust, the comparison under a review.
 */
export { benchmarkRoutes } from './benchmarks.routes.tsx';
export { benchmarkPaths } from './benchmarks.paths.ts';
