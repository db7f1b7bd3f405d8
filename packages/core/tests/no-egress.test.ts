// The harness keeps tests on the machine: connections and DNS lookups for any non-loopback host
// are refused at once (and fail the test that made them, unless taken here on purpose).
import dns from "node:dns";
import net from "node:net";
import { localServer } from "@pkgapi/testing";
import { takeViolations } from "@pkgapi/testing/no-egress";
import { describe, expect, it } from "vitest";
import { APIConnectionError } from "../src/index.js";
import { Runtime } from "../src/internal/index.js";
import { testProfile } from "./helpers.js";

describe("the no-egress guard", () => {
  it("refuses a TCP connection to a public address and a DNS lookup of a public name", async () => {
    const socket = net.connect(443, "93.184.216.34");
    const error = await new Promise<NodeJS.ErrnoException>((resolve) => socket.on("error", resolve));
    expect(error.code).toBe("ENOEGRESS");
    await expect(dns.promises.lookup("api.fastly.com")).rejects.toMatchObject({ code: "ENOEGRESS" });
    expect(takeViolations()).toEqual(["connect 93.184.216.34:443", "DNS lookup api.fastly.com"]);
  });

  it("stops a client pointed at a real API before anything leaves", async () => {
    const runtime = new Runtime(
      testProfile,
      { baseUrl: "https://api.fastly.com", maxRetries: 0, logLevel: "off" },
      "t",
    );
    const error = await runtime.send({ method: "GET", url: "/service" }).catch((e) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(String(error.message)).toContain("no-egress");
    expect(takeViolations().length).toBeGreaterThan(0);
  });

  it("lets loopback through", async () => {
    const server = await localServer((_req, res) => res.end("{}"));
    try {
      expect((await fetch(server.url)).status).toBe(200);
      expect(takeViolations()).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
