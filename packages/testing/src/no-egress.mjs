// vitest setup file: tests never leave the machine. Any connection or DNS lookup for a
// non-loopback host fails the request at once and fails the test that made it (afterEach).
import dns from "node:dns";
import net from "node:net";
import { afterEach } from "vitest";

const violations = [];
const isLoopback = (host) =>
  host === undefined ||
  host === "" ||
  host === "localhost" ||
  /^127\./.test(host) ||
  host === "::1" ||
  host === "[::1]" ||
  /^::ffff:127\./.test(host);

function refuse(what) {
  violations.push(what);
  return Object.assign(new Error(`no-egress: tests may only connect to loopback, refused ${what}`), {
    code: "ENOEGRESS",
  });
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options =
    typeof first === "object" && first !== null
      ? first
      : { port: first, host: typeof args[1] === "string" ? args[1] : undefined };
  if (!options.path && !isLoopback(options.host)) {
    const error = refuse(`connect ${options.host}:${options.port}`);
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return connect.apply(this, args);
};

const lookup = dns.lookup;
dns.lookup = function (hostname, ...rest) {
  if (!isLoopback(hostname) && net.isIP(hostname) === 0) {
    const callback = rest.at(-1);
    const error = refuse(`DNS lookup ${hostname}`);
    process.nextTick(() => callback(error));
    return {};
  }
  return lookup.call(this, hostname, ...rest);
};
const lookupPromise = dns.promises.lookup;
dns.promises.lookup = function (hostname, ...rest) {
  if (!isLoopback(hostname) && net.isIP(hostname) === 0) return Promise.reject(refuse(`DNS lookup ${hostname}`));
  return lookupPromise.call(this, hostname, ...rest);
};

/** For the guard's own test: the refusals so far, cleared (so that test is not failed for them). */
export function takeViolations() {
  return violations.splice(0);
}

afterEach(() => {
  if (violations.length) throw new Error(`this test tried to leave the machine: ${violations.splice(0).join("; ")}`);
});
