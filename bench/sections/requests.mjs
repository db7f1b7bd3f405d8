// 1. Per-request overhead against the local server (a separate process), sequential requests;
// and iterating a 10,000-package Cloud Foundry list against a hand-written page loop.
import { MiB, runChild } from "../lib/common.mjs";
import { errorRow, row } from "../lib/rows.mjs";

export async function requests({ server, quick }) {
  const [rounds, perRound] = quick ? [3, 50] : [15, 150];
  const result = await runChild("requests-child.mjs", [server.url, String(rounds), String(perRound)], {
    nodeArgs: ["--expose-gc"],
  });
  if (result.error) return [errorRow("1", "per-request benchmarks", result.error)];
  const us = (samples) => samples.map((v) => v / 1000); // child reports µs; rows take ms
  const rows = [];
  const group = (name, label, extra) => {
    const g = result[name];
    if (g.error) return rows.push(errorRow("1", label, g.error));
    rows.push(
      row({
        section: "1",
        figure: `${label} (per request)`,
        unit: "ms",
        values: us(g.pkgapi),
        baseline: "raw fetch + JSON.parse",
        baselineValues: us(g.raw),
        target: "≤ 1.00×",
        pass: (r) => r <= 1,
      }),
    );
    extra?.(g);
  };
  group("fastly", "fastly packages.get", (g) =>
    rows.push(
      row({
        section: "1",
        figure: "fastly packages.get vs official client",
        unit: "ms",
        values: us(g.pkgapi),
        baseline: "`fastly` PackageApi.getPackage",
        baselineValues: us(g.official),
        // ≥ 2× faster means at most half the official client's time.
        target: "≤ 0.50× (≥ 2× faster)",
        pass: (r) => r <= 0.5,
        note: "the official client (superagent) opens a new connection per request (Connection: close)",
      }),
      row({
        section: "1",
        figure: "node:http keep-alive GET + JSON.parse (the floor) vs official client",
        unit: "ms",
        values: us(g.node),
        baseline: "`fastly` PackageApi.getPackage",
        baselineValues: us(g.official),
        note: "no client at all: what any client on Node's own HTTP stack pays at least, against the same official-client rounds",
      }),
    ),
  );
  group("cloudfoundry", "cf packages.list, 50-item page");
  group("warg", "warg records.get");
  rows.push(...(await iterate({ server, quick })));
  return rows;
}

async function iterate({ server, quick }) {
  const result = await runChild("iterate-child.mjs", [server.url, String(quick ? 3 : 9)], {
    nodeArgs: ["--expose-gc"],
  });
  if (result.error) return [errorRow("1", "cf iterate 10,000 packages", result.error)];
  return [
    row({
      section: "1",
      figure: "cf: for await over 10,000 packages (200 pages)",
      unit: "ms",
      values: result.ms.pkgapi,
      baseline: "hand-written page loop, raw fetch",
      baselineValues: result.ms.hand,
      target: "≤ 1.10×",
      pass: (r) => r <= 1.1,
    }),
    row({
      section: "1",
      figure: "cf: for await over 10,000 packages: live heap growth, package 500 → 10,000",
      unit: "bytes",
      values: [result.heapGrowth.pkgapi],
      baseline: "hand-written page loop",
      baselineValues: [result.heapGrowth.hand],
      target: "flat (< 1 MiB)",
      pass: (_, v) => v < MiB,
      note: "heap after a full GC at package 500 and at the last one, inside the loop",
    }),
  ];
}
