import { boundHostname, loopbackBindProblem } from "@/lib/server/listen-address";

const node = ["/usr/bin/node", "node_modules/next/dist/bin/next", "start"];

describe("boundHostname", () => {
  it.each([
    [["-p", "3000"], undefined],
    [["-H", "localhost"], "localhost"],
    [["-H127.0.0.1"], "127.0.0.1"],
    [["--hostname", "::1"], "::1"],
    [["--hostname=10.0.0.5", "-p", "3000"], "10.0.0.5"],
  ])("reads %j as %s", (args, expected) => {
    expect(boundHostname([...node, ...args])).toBe(expected);
  });
});

describe("loopbackBindProblem", () => {
  it.each(["127.0.0.1", "127.1.2.3", "::1", "[::1]", "::ffff:127.0.0.1"])("refuses -H %s and says what to use", (host) => {
    const problem = loopbackBindProblem([...node, "-H", host]);
    expect(problem).toContain(`-H ${host}`);
    expect(problem).toContain("-H localhost");
    expect(problem).toContain("vercel/next.js#94745");
  });

  it.each([[[]], [["-H", "localhost"]], [["-H", "0.0.0.0"]], [["-H", "::"]], [["-H", "10.1.2.3"]], [["-H", "app.internal"]]])(
    "accepts %j",
    (args) => {
      expect(loopbackBindProblem([...node, ...args])).toBeUndefined();
    },
  );
});
