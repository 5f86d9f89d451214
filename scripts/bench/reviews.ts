/**
 * The reviews benchmark (issue 4): 2,000 trusts with one closed review each (14 elements, 10
 * raters), then the p50/p99 time of the heat map page and of the benchmark page for one trust,
 * over real HTTP, against a target of 50 ms p99 on PostgreSQL.
 *
 *   npm run bench:reviews [-- --trusts 2000 --requests 500 --warm-up 50 --keep]
 *
 * BENCH_DATABASE_URL names the PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres);
 * a new database is created on it and dropped at the end unless --keep is given.
 */
import { sql } from 'drizzle-orm';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { installBuiltinFrameworks } from '../../src/modules/frameworks/frameworks.service.ts';
import type { FrameworkDocument } from '../../src/modules/frameworks/index.ts';
import { startSession } from '../../src/modules/people/index.ts';
import { benchmarkPaths } from '../../src/modules/reviews/benchmarks.paths.ts';
import { reviewPaths } from '../../src/modules/reviews/index.ts';
import { SESSION_COOKIE } from '../../src/platform/auth/viewer.ts';
import { queryRows } from '../../src/platform/db/database.ts';
import { loadAssetManifest, type AssetManifest } from '../../src/platform/views/assets.ts';
import { seedReviews } from './reviews-seed.ts';
import { createBenchDatabase, numberOption, printTimings, timePage, type Timing } from './support.ts';

const args = process.argv.slice(2);
const trusts = numberOption(args, 'trusts', 2000);
const requests = numberOption(args, 'requests', 500);
const warmUp = numberOption(args, 'warm-up', 50);
const keep = args.includes('--keep');
const P99_TARGET_MS = 50;

/** Pages render the same without compiled CSS: the names in the layout are all that changes. */
function assets(): AssetManifest {
  try {
    return loadAssetManifest();
  } catch {
    return { stylesheet: 'tandem.bench.css', script: 'application.bench.mjs' };
  }
}

const bench = await createBenchDatabase('reviews');
console.log(`Database ${bench.name} created and migrated.`);
try {
  const { db } = bench.database;
  await installBuiltinFrameworks({ db });
  const [framework] = await queryRows<{ id: string; document: FrameworkDocument }>(
    db,
    sql`select v.id, v.document from framework_versions v join frameworks f on f.id = v.framework_id
        where f.key = 'trust-development' and v.status = 'published' order by v.number limit 1`,
  );
  if (!framework) throw new Error('the trust development framework is not installed');
  const { document } = framework;

  const seedStarted = performance.now();
  const counts = await seedReviews(bench.url, {
    trusts,
    ratersPerReview: 10,
    frameworkVersionId: framework.id,
    headingKeys: document.headings.map((heading) => heading.key),
    elementKeys: document.headings.flatMap((heading) => heading.elements.map((element) => element.key)),
    levelKeys: document.scale.levels.map((level) => level.key),
  });
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  console.log(
    `Seeded in ${seedSeconds.toFixed(1)} s: ${Object.entries(counts)
      .map(([name, count]) => `${count.toLocaleString('en-GB')} ${name.replace('_', ' ')}`)
      .join(', ')}.`,
  );

  // One trust in the middle of the pack, looked at by its review's lead (its chief executive).
  const [lead] = await queryRows<{ review_id: string; person_id: string; region: string }>(
    db,
    sql`select r.id as review_id, p.person_id,
          (select s.region from organisations s where s.trust_id = r.organisation_id limit 1) as region
        from reviews r join review_participants p on p.review_id = r.id and p.lead
        join organisations t on t.id = r.organisation_id
        order by t.group_uid offset ${Math.floor(trusts / 2)} limit 1`,
  );
  if (!lead) throw new Error('no review was seeded');
  const cookie = `${SESSION_COOKIE}=${await startSession({ db, personId: lead.person_id })}`;

  const app = await buildApp({
    config: loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', DATABASE_URL: bench.url }),
    database: bench.database,
    assets: assets(),
  });
  const base = (await app.listen({ host: '127.0.0.1', port: 0 })).replace(/\/$/, '');
  console.log(`Timing ${requests} requests per page after ${warmUp} to warm up, one at a time, at ${base}.`);
  const timings: Timing[] = [];
  const pages: Array<[string, string]> = [
    ['heat map', reviewPaths.heatMap(lead.review_id)],
    ['benchmarks', benchmarkPaths.benchmarks(lead.review_id)],
    ['benchmarks, region and size', benchmarkPaths.benchmarks(lead.review_id, { region: lead.region, size: '6-10' })],
  ];
  for (const [label, path] of pages) {
    timings.push(await timePage(`${label} page`, `${base}${path}`, { cookie, requests, warmUp }));
  }
  printTimings(timings, { p99TargetMs: P99_TARGET_MS });
  // app.close() closes the database too; finish() then drops it.
  await app.close();
} finally {
  await bench.finish({ keep });
  console.log(keep ? `\nKept ${bench.url}` : `\nDropped ${bench.name}.`);
}
