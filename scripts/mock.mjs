// Starts the three Prism mocks for humans, on fixed ports, until Ctrl-C.

import { startPrism } from "@pkgapi/testing/prism";
import { providers, specPath } from "./lib/paths.mjs";

const PORTS = { fastly: 4010, warg: 4011, cloudfoundry: 4012 };

const mocks = await Promise.all(
  providers.map((name) => startPrism(specPath(name), { port: PORTS[name] }).then((mock) => ({ name, ...mock }))),
);
for (const { name, url } of mocks) console.log(`${name.padEnd(13)} ${url}`);
console.log("Mocks are running (Prism, --errors). Press Ctrl-C to stop.");
const stop = async () => {
  await Promise.all(mocks.map((mock) => mock.stop()));
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
