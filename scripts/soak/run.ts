// `npm run soak -- --minutes N [--seed S] [--json FILE] [--no-build]`: builds the Chrome extension
// (as `npm start` does; --no-build uses the build in .output), runs the soak (scripts/soak/soak.ts)
// for N minutes after a warm-up cycle, prints the report and, with --json, writes it to FILE.
// Exits 1 on any error or on memory growth of 10% or more.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { ROOT } from '@/scripts/browser/chromium';
import { formatReport, MAX_GROWTH_PERCENT } from '@/scripts/soak/report';
import { runSoak } from '@/scripts/soak/soak';

const o = { minutes: 5, seed: 1, json: '', build: true };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i]!;
  const value = () => {
    const v = argv[++i];
    if (v === undefined) throw new Error(`${arg} needs a value`);
    return v;
  };
  if (arg === '--minutes') o.minutes = Number(value());
  else if (arg === '--seed') o.seed = Number(value());
  else if (arg === '--json') o.json = value();
  else if (arg === '--no-build') o.build = false;
  else throw new Error(`unknown option ${arg} (--minutes N, --seed S, --json FILE, --no-build)`);
}
if (!(o.minutes > 0)) throw new Error('--minutes needs a number > 0');
if (!Number.isInteger(o.seed)) throw new Error('--seed needs an integer');

if (o.build) {
  const r = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const report = await runSoak({ minutes: o.minutes, seed: o.seed });
console.log(formatReport(report));
if (o.json) writeFileSync(o.json, `${JSON.stringify(report, null, 2)}\n`);
const grew = report.memory.host.percent >= MAX_GROWTH_PERCENT || report.memory.serviceWorker.percent >= MAX_GROWTH_PERCENT;
process.exit(report.errors.length || grew || Number.isNaN(report.memory.host.percent) ? 1 : 0);
