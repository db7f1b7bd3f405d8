// warg: publish a signed record, upload the content it still needs, wait until it is published.
// Run `npm run mock` in another terminal first (or set WARG_URL to a warg-server's /v1 URL).
import { createWargClient, logIdFor } from "@pkgapi/warg";

const warg = createWargClient({ baseUrl: process.env.WARG_URL ?? "http://127.0.0.1:4011" });

// A record signed elsewhere (warg's tooling): the protobuf bytes, the key id and the signature.
const signed = {
  contentBytes:
    "GgsIwPiJwwYQgJTvOiJDCkEKN2VjZHNhLXAyNTY6QXdOUkxpNk1rMGNpdTA4aWpoMnV0UVlmVnYxZnMyT2xWUkt6eURSeVFtbFMSBnNoYTI1NiJSIlAKBTEuMC4wEkdzaGEyNTY6MjRlYWYzNDM5YTYwYzk2NzY0YzRmMmM5MmEwYTgxYjUyYmQ0ZmU1ZDViOTFmMDkwMTg0YTBmNjQ4NmIxYmYyOQ==",
  keyId: "sha256:25fed21e9948f7d0953ed1ea8f15f4b6d2c7cebb177d4d5b0f3276b09048aebb",
  signature:
    "ecdsa-p256:MEUCIQCOP+FWh+/VNJbnSBm5WWHMkVBwgM/1PacaTfABSsqWyQIgPIWefVhKOqiFXDMlPz7v6jfeM47xddHayqW3gYVhja4=",
};

const logId = await logIdFor("example:greeter");
console.log(`log id of example:greeter: ${logId}`);

const record = await warg.records.publish({ packageName: "example:greeter", record: signed });
console.log(`published record ${record.recordId}: ${record.state}`);
if (record.state === "sourcing") {
  console.log(`the registry still needs: ${Object.keys(record.missingContent).join(", ")}`);
  // With a real registry: await warg.records.uploadMissingContent(record, { [digest]: "greeter.wasm" });
}

const done = await warg.records.waitFor({ logId, recordId: record.recordId }, { interval: 200, waitTimeout: 10_000 });
console.log(`record ${done.recordId} is published at registry index ${done.registryIndex}`);
