// `npm run bench` (issue 8): every figure next to a baseline measured in the same run, as a
// ratio (median of several rounds), checked against its target. Prints a table and writes
// bench/results/latest.json. `--quick`: a ~15 s smoke run with small files and few rounds
// (results in bench/results/quick.json.tmp, not committed). `--only=1,6`: just those sections
// (results in bench/results/only.json.tmp). Never part of `npm test`.
// Needs the packages built first (`npm run build`); uses curl and java.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchDir, removeTempFiles, root, run, startServer } from "./lib/common.mjs";
import { table } from "./lib/rows.mjs";
import { regen } from "./sections/regen.mjs";
import { requests } from "./sections/requests.mjs";
import { size } from "./sections/size.mjs";
import { tests } from "./sections/tests.mjs";
import { uploads } from "./sections/uploads.mjs";

const quick = process.argv.includes("--quick");
const only = process.argv
  .find((arg) => arg.startsWith("--only="))
  ?.slice(7)
  .split(",");
// Sections 2-4 run together (one set of upload files).
const wanted = (section) =>
  !only || only.includes(section) || (section === "2" && only.some((s) => s === "3" || s === "4"));
const started = performance.now();
const log = (message) =>
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}\n`);

for (const name of ["core", "fastly", "warg", "cloudfoundry"]) {
  if (!existsSync(path.join(root, "packages", name, "dist", "index.js")))
    log(`packages/${name}/dist is missing: run \`npm run build\` first (its figures will show ERROR)`);
}
const curl = await run("curl", ["--version"]);
if (curl.code !== 0) log("curl not found: the throughput ratios will show ERROR");

const rows = [];
const server = await startServer();
const stop = () => {
  server.stop();
  removeTempFiles();
};
process.on("SIGINT", () => {
  stop();
  process.exit(130);
});
try {
  // Network figures first, while nothing else of ours is running.
  if (wanted("1")) {
    log("1. per-request overhead");
    rows.push(...(await requests({ server, quick })));
  }
  if (wanted("2")) {
    log("2-4. uploads, early rejection, concurrency");
    rows.push(...(await uploads({ server, quick })));
  }
} finally {
  stop();
}
if (wanted("6")) {
  log("6. bundle size");
  rows.push(...(await size()));
}
if (wanted("5")) {
  log("5. regeneration");
  rows.push(...(await regen({ quick })));
}
if (!quick && wanted("7")) {
  log("7. test suites");
  rows.push(...(await tests()));
}

const wallMs = performance.now() - started;
rows.sort((a, b) => a.section.localeCompare(b.section));
const notes = rows.filter((r) => r.note).map((r) => `- ${r.figure}: ${r.note}`);
const rendered = [table(rows), ...(notes.length ? ["", "Notes:", ...notes] : [])].join("\n");
console.log(rendered);
const missed = rows.filter((r) => r.pass === false);
const errors = rows.filter((r) => r.error);
console.log(
  `\n${rows.length} figures, ${rows.filter((r) => r.pass).length} targets met, ${missed.length} missed, ${errors.length} errors; wall time ${(wallMs / 1000).toFixed(0)} s${quick ? " (--quick)" : ""}`,
);

const results = {
  command: `npm run bench${quick ? " -- --quick" : only ? ` -- --only=${only}` : ""}`,
  date: new Date().toISOString(),
  wallSeconds: Math.round(wallMs / 1000),
  machine: {
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    curl: curl.stdout.split("\n")[0],
  },
  figures: rows.map(({ display, baselineDisplay, ...r }) => r),
  table: rendered,
};
mkdirSync(path.join(benchDir, "results"), { recursive: true });
const file = path.join(benchDir, "results", quick ? "quick.json.tmp" : only ? "only.json.tmp" : "latest.json");
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
log(`wrote ${path.relative(root, file)}`);
// Missed targets are findings, not failures; a figure that could not be measured is.
process.exit(errors.length ? 1 : 0);
