// 1. Per-request overhead against the local server (a separate process), sequential requests.
import { runChild } from "../lib/common.mjs";
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
        target: "≤ 1.10×",
        pass: (r) => r <= 1.1,
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
    ),
  );
  group("cloudfoundry", "cf packages.list, 50-item page");
  group("warg", "warg records.get");
  return rows;
}
