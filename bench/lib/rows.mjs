// Result rows: every figure is printed next to a baseline measured in the same run, as a ratio.
import { fmtMiB, fmtMs, median } from "./common.mjs";

const units = {
  ms: fmtMs,
  s: (v) => `${(v / 1000).toFixed(2)} s`,
  bytes: (v) => (v < 1024 ? `${Math.round(v)} B` : fmtMiB(v)),
  "MB/s": (v) => `${Math.round(v)} MB/s`,
  B: (v) => `${Math.round(v)} B`,
};
export const fmt = (value, unit) => (Number.isFinite(value) ? (units[unit] ?? String)(value) : "n/a");

/**
 * A row from paired samples: `values[i]` and `baselineValues[i]` come from the same round, so the
 * ratio is the median of per-round ratios (noise that hits a whole round cancels out).
 * `pass(ratio, value)` decides the target; omit it for information-only rows.
 */
export function row({ section, figure, unit, values, baseline, baselineValues, target = "—", pass, note }) {
  const ratios = values.map((v, i) => v / baselineValues[i]);
  const value = median(values);
  const ratio = median(ratios);
  return {
    section,
    figure,
    value,
    unit,
    display: fmt(value, unit),
    baseline,
    baselineValue: median(baselineValues),
    baselineDisplay: fmt(median(baselineValues), unit),
    ratio,
    rounds: values.length,
    target,
    pass: pass && Number.isFinite(ratio) ? pass(ratio, value) : null,
    ...(note ? { note } : {}),
  };
}

/** A figure that could not be measured (package not built, a client failed): reported, not hidden. */
export const errorRow = (section, figure, error) => ({
  section,
  figure,
  error: String(error).slice(0, 300),
  pass: null,
});

export function table(rows) {
  const header = ["#", "figure", "value", "baseline", "ratio", "target", "result"];
  const lines = rows.map((r) =>
    r.error
      ? [r.section, r.figure, "ERROR", r.error, "", "", ""]
      : [
          r.section,
          r.figure,
          r.display,
          `${r.baseline}: ${r.baselineDisplay}`,
          `${r.ratio.toFixed(2)}×`,
          r.target,
          r.pass === null ? "info" : r.pass ? "pass" : "MISS",
        ],
  );
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => String(l[i]).length)));
  const render = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(" | ")} |`;
  return [render(header), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...lines.map(render)].join("\n");
}
