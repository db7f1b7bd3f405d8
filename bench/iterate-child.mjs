// Iterating a long Cloud Foundry list: `for await` over the facade's pages against a hand-written
// page loop (fetch, JSON.parse, follow `pagination.next`), both reading all 10,000 packages.
// Usage: node --expose-gc bench/iterate-child.mjs <serverUrl> <rounds>
// Prints one JSON line: { ms: { pkgapi: [...], hand: [...] }, heapGrowth: { pkgapi, hand }, items }.
const [url, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg);
const TOKEN = "bench-token";
const BASE = `${url}/many`;
const ITEMS = 10_000;

const { createCloudFoundryClient } = await import("@pkgapi/cloudfoundry");
const cf = createCloudFoundryClient({ token: TOKEN, baseUrl: BASE, maxRetries: 0 });

// `visit` sees every package; it returns the count so that nothing is optimised away.
const variants = {
  async pkgapi(visit) {
    let n = 0;
    for await (const pkg of cf.packages.list({ perPage: 50 })) n += visit(pkg, n);
    return n;
  },
  async hand(visit) {
    let n = 0;
    for (let next = `${BASE}/v3/packages?per_page=50`; next; ) {
      const response = await fetch(next, { headers: { accept: "application/json", authorization: `bearer ${TOKEN}` } });
      const page = JSON.parse(await response.text());
      for (const pkg of page.resources) n += visit(pkg, n);
      next = page.pagination.next?.href;
    }
    return n;
  },
};

const count = (pkg) => (pkg.guid ? 1 : 0);
for (const [name, run] of Object.entries(variants)) {
  const n = await run(count); // warm-up, and a check that every package arrives
  if (n !== ITEMS) throw new Error(`${name} saw ${n} packages, expected ${ITEMS}`);
}

// Memory: live heap (after a full GC) at package 500 and at the last one, while the loop runs.
const heapGrowth = {};
for (const [name, run] of Object.entries(variants)) {
  let early = 0;
  let late = 0;
  await run((pkg, n) => {
    if (n === 499 || n === ITEMS - 1) {
      globalThis.gc();
      if (n === 499) early = process.memoryUsage().heapUsed;
      else late = process.memoryUsage().heapUsed;
    }
    return count(pkg);
  });
  heapGrowth[name] = late - early;
}

const ms = { pkgapi: [], hand: [] };
const order = Object.keys(ms);
for (let round = 0; round < rounds; round++) {
  for (const name of [...order.slice(round % 2), ...order.slice(0, round % 2)]) {
    globalThis.gc();
    const started = performance.now();
    await variants[name](count);
    ms[name].push(performance.now() - started);
  }
}
console.log(JSON.stringify({ ms, heapGrowth, items: ITEMS }));
