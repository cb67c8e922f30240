import { randomBytes } from "node:crypto";
import { cp, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kindNodeContainer } from "../../src/cluster/kind/config.js";
import { runTool } from "../../src/exec/runner.js";
import { SIMULATED } from "../../src/install/hooks.js";
import type { PhaseResults } from "../../src/report/results.js";
import { cli } from "../helpers/cli.js";
import { docker, kindDownArgv, kindNodeImage, kindUpArgv, requireImages } from "../helpers/kind.js";
import { startRegistry } from "../helpers/registry.js";
import { tempDir } from "../helpers/tmp.js";
import { repoRoot, tool, toolsDir } from "../helpers/tools.js";

const nodeImage = kindNodeImage();
/** iptables and ip6tables read the host's rules: root, or sudo without a password. */
const asRoot = (argv: string[]) => (process.getuid?.() === 0 ? argv : ["sudo", "-n", ...argv]);
// A name of this run's own: other work on the machine may run kind clusters at the same time.
const run = randomBytes(3).toString("hex");
const NAME = `floe-kr-${run}`;
const NODE = kindNodeContainer(NAME);
// Images this file makes (tags of the test-pod image, a broken node image), removed in afterAll.
const ONLY_LOCAL = `floe.local/kind-real-only-local:${run}`;
const MISSING = `floe.local/kind-real-missing:${run}`;
const BROKEN_NODE = `floe.local/kind-real-broken-node:${run}`;
const upArgv = (work: string, name: string, image: string) => kindUpArgv(name, image, work);

// Real containers need something to run: the test-pod image kind-node.sh builds (Debian) and preloads.
const real = [
  "image: floe.local/test-pod:bookworm",
  "replicas: 1",
  "command:",
  '  server: ["sleep", "infinity"]',
  '  job: ["true"]',
  `  testOk: ["sh", "-c", "echo 'demo test-ok: ran'"]`,
  `  testFail: ["sh", "-c", "echo 'demo test-fail: failing on purpose' >&2; exit 3"]`,
].join("\n");

let work: string;
let cwd: string;
let up: Awaited<ReturnType<typeof runTool>> | undefined;

beforeAll(async () => {
  tool("kind");
  tool("kubectl");
  await requireImages([nodeImage], "scripts/docker.sh and scripts/kind-node.sh first");
  work = tempDir("floe-kind-real-");
  cwd = tempDir("floe-kind-real-charts-");
  const chart = path.join(cwd, "charts", "demo");
  await cp(path.join(repoRoot, "tests", "fixtures", "cluster", "demo"), chart, { recursive: true });
  // The test pods name requirements, so the coverage matrix shows what the real pods proved.
  for (const [file, covers] of [
    ["test-ok.yaml", "INT-OK"],
    ["test-fail.yaml", "INT-FAIL"],
  ] as const) {
    const f = path.join(chart, "templates", "tests", file);
    const text = await readFile(f, "utf8");
    await writeFile(
      f,
      text.replace("    helm.sh/hook: test\n", `    helm.sh/hook: test\n    floe.dev/covers: ${covers}\n`),
    );
  }
  await writeFile(path.join(cwd, "floe-gate.yaml"), "requirements:\n  INT-OK: []\n  INT-FAIL: []\n");
  await writeFile(path.join(cwd, "pass.yaml"), `${real}\n`);
  await writeFile(path.join(cwd, "fail.yaml"), `${real}\ntests:\n  fail: true\n  keepPods: true\n`);
  // test-ok outlives helm test's --timeout (it ends at once on SIGTERM, so the namespace goes quickly).
  await writeFile(
    path.join(cwd, "slow.yaml"),
    `${real.replace(
      /testOk: .*/,
      `testOk: ["sh", "-c", "echo 'demo test-ok: sleeping past the timeout'; trap 'exit 143' TERM; sleep 600 & wait"]`,
    )}\ntests:\n  keepPods: true\n`,
  );
  await writeFile(
    path.join(cwd, "only-local.yaml"),
    `${real.replace(/^image: .*/m, `image: ${ONLY_LOCAL}`)}\n`,
  );
  await writeFile(path.join(cwd, "missing.yaml"), `${real.replace(/^image: .*/m, `image: ${MISSING}`)}\n`);
  up = await runTool(upArgv(work, NAME, nodeImage), { timeoutMs: 280_000 });
  if (up.code !== 0) throw new Error(`cluster up failed (exit ${up.code}):\n${up.stderr}`);
}, 300_000);

afterAll(async () => {
  await docker("image", "rm", "--force", ONLY_LOCAL, BROKEN_NODE);
  if (!work) return;
  const down = await runTool(kindDownArgv(work), { timeoutMs: 120_000 });
  expect(down.code, down.stderr).toBe(0);
  const left = await docker("ps", "-a", "--filter", `label=io.x-k8s.kind.cluster`, "--format", "{{.Names}}");
  expect(left.stdout.split("\n").filter((n) => n.startsWith(NAME))).toEqual([]);
}, 180_000);

// In order: the second `up` finds the first one's cluster, `test` runs on it (describe.sequential).
describe.sequential(`real kind (${nodeImage}, Docker; the Node 24 step of npm test only)`, () => {
  it("cluster up brings up a Ready node with the local node image and prints the kubeconfig", async () => {
    const kubeconfig = up!.stdout.trim();
    expect(kubeconfig).toBe(path.join(work, "cluster", "kind", "kubeconfig"));
    const nodes = await runTool([tool("kubectl"), "--kubeconfig", kubeconfig, "get", "nodes", "-o", "wide"]);
    expect(nodes.stdout).toMatch(new RegExp(`${NODE}\\s+Ready\\s`));
    expect(nodes.stdout).toContain("v1.37.0");
    const image = await docker("inspect", "--format", "{{.Config.Image}}", NODE);
    expect(image.stdout.trim()).toBe(nodeImage);
  });

  it("cluster up again reuses the healthy cluster left from the earlier up (idempotent, no error)", async () => {
    const again = await runTool(upArgv(work, NAME, nodeImage), { timeoutMs: 280_000 });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`kind: cluster ${NAME} from an earlier run answers: reusing it`);
    expect(again.stdout.trim()).toBe(up!.stdout.trim());
  });

  // --image-pull never: nothing here can pull, so an image missing from the node and Docker is an error.
  const floeTest = (values: string, ...more: string[]) =>
    cli(
      [
        "test",
        "--provider",
        "kind",
        "--tools-dir",
        toolsDir,
        "--work-dir",
        work,
        "--chart",
        "charts/demo",
        "--values",
        values,
        "--helm",
        "4",
        "--image-pull",
        "never",
        ...more,
      ],
      { cwd },
    );
  const matrix = async () => {
    const rep = await cli(["report", "--work-dir", work], { cwd });
    return rep.out.split("\n").map((l) => l.replace(/ +/g, " "));
  };
  const results = async () =>
    JSON.parse(await readFile(path.join(work, "test.results.json"), "utf8")) as PhaseResults;

  it("floe-helm test runs the test pods for real: test-ok passes (a real pass, not simulated)", async () => {
    const r = await floeTest("pass.yaml");
    expect(r.code, `${r.out}\n${r.err}`).toBe(0);
    const res = await results();
    expect(res.checks.map((c) => `${c.id} ${c.state}`)).toEqual([
      "install demo/pass helm4 pass",
      "helm-test floe-test-demo-test-ok demo/pass helm4 pass",
    ]);
    expect(JSON.stringify(res)).not.toContain(SIMULATED);
    expect(r.out).not.toContain("kwok");
    // The coverage matrix: INT-OK proven by a real pass (not "skipped" as on kwok).
    expect(await matrix()).toEqual(expect.arrayContaining(["INT-OK pass 1 pass"]));
  }, 300_000);

  it("floe-helm test: the failing test pod fails for real, with its own output kept in the diagnostics", async () => {
    const r = await floeTest("fail.yaml");
    expect(r.code, `${r.out}\n${r.err}`).toBe(1);
    const res = await results();
    expect(res.checks.map((c) => `${c.id} ${c.state}`).sort()).toEqual([
      "helm-test floe-test-demo-test-fail demo/fail helm4 fail",
      // helm test stops at the first failed pod (by name): test-ok did not run in this scenario.
      "helm-test floe-test-demo-test-ok demo/fail helm4 skip",
      "install demo/fail helm4 pass",
    ]);
    const failed = res.checks.find((c) => c.id.startsWith("helm-test floe-test-demo-test-fail"));
    expect(failed).toMatchObject({ state: "fail", reason: "test pod phase Failed" });
    expect(JSON.stringify(res)).not.toContain(SIMULATED);
    // The failing pod's own output, from the kubelet, kept before its namespace went.
    const diag = path.join(work, "diagnostics", "test", "demo-fail-helm4");
    expect(await readdir(diag)).toContain("logs-floe-test-demo-test-fail.txt");
    expect(await readFile(path.join(diag, "logs-floe-test-demo-test-fail.txt"), "utf8")).toContain(
      "demo test-fail: failing on purpose",
    );
    expect(await matrix()).toEqual(expect.arrayContaining(["INT-FAIL FAIL 1/1 FAIL"]));
  }, 300_000);

  it("floe-helm test: a test pod that outlives --timeout fails as timed out (its real phase Running), its logs kept", async () => {
    const r = await floeTest("slow.yaml", "--timeout", "20s");
    expect(r.code, `${r.out}\n${r.err}`).toBe(1);
    expect(r.out).toMatch(
      /^demo: error helm-test: helm test failed: .*floe-test-demo-test-ok.* \(scenario: slow; helm 4\)$/m,
    );
    const res = await results();
    expect(res.checks.map((c) => `${c.id} ${c.state} ${c.reason ?? ""}`.trim())).toEqual([
      "install demo/slow helm4 pass",
      "helm-test floe-test-demo-test-ok demo/slow helm4 fail test pod timed out: still Running when helm test's --timeout 20s ran out",
    ]);
    const log = path.join(work, "diagnostics", "test", "demo-slow-helm4", "logs-floe-test-demo-test-ok.txt");
    expect(await readFile(log, "utf8")).toContain("demo test-ok: sleeping past the timeout");
    expect(await matrix()).toEqual(expect.arrayContaining(["INT-OK FAIL 1/1 FAIL"]));
  }, 300_000);

  it("floe-helm test loads an image that only the local Docker daemon has into the node, and its pods run", async () => {
    const tag = await docker("tag", "floe.local/test-pod:bookworm", ONLY_LOCAL);
    expect(tag.code, tag.stderr).toBe(0);
    const inNode = () => docker("exec", NODE, "ctr", "--namespace=k8s.io", "images", "list", "--quiet");
    expect((await inNode()).stdout.split("\n")).not.toContain(ONLY_LOCAL);
    const r = await floeTest("only-local.yaml");
    expect(r.code, `${r.out}\n${r.err}`).toBe(0);
    expect(r.err).toContain(
      "test: images: 1 used by the charts: 0 in the kind node, 1 to load from the local Docker daemon, 0 left for the node to pull, 0 missing",
    );
    expect(r.out).toContain(
      `info images: loaded into the kind node from the local Docker daemon: ${ONLY_LOCAL}`,
    );
    expect((await inNode()).stdout.split("\n")).toContain(ONLY_LOCAL);
    // Installed with --wait (the Deployment's pod ready, the Job complete) and the test pod passed: all
    // ran from the loaded image.
    const res = await results();
    expect(res.checks.map((c) => `${c.id} ${c.state}`)).toEqual([
      "install demo/only-local helm4 pass",
      "helm-test floe-test-demo-test-ok demo/only-local helm4 pass",
    ]);
  }, 300_000);

  it("floe-helm test names an image that is neither in the node nor in Docker, with what uses it, before any install", async () => {
    const r = await floeTest("missing.yaml");
    expect(r.code, `${r.out}\n${r.err}`).toBe(1);
    expect(r.out).toContain(
      `charts/demo/templates/deployment.yaml:20:11: error images: image ${MISSING} is neither in the kind node nor in the local Docker daemon, and the node may not pull (--image-pull never): used by Deployment/floe-test-demo (container demo), Job/floe-test-demo-migrate (container migrate), Pod/floe-test-demo-test-ok (container test); build or pull it into Docker first (scenario: missing)`,
    );
    expect(r.err).not.toContain("helm install");
    const res = await results();
    expect(res.checks).toEqual([
      {
        id: "install demo/missing helm4",
        rule: "install",
        state: "skip",
        reason: "images missing from the kind cluster (see images): nothing was installed",
      },
    ]);
    const releases = await runTool([tool("helm4"), "--kubeconfig", up!.stdout.trim(), "list", "-A", "-q"]);
    expect(releases.stdout.trim()).toBe("");
  }, 300_000);

  it("--image-cache: a chart image only a registry has is pulled once by the runner's Docker, kept and loaded; the next run loads it from the cache with the registry gone and nothing pulled", async () => {
    // The registry stands in for Docker Hub: an image of its own (the test-pod image, pushed there) that neither
    // Docker nor the node has.
    const registry = await startRegistry();
    const ref = `${registry.host}/floe/test-pod:${run}`;
    try {
      expect((await docker("tag", "floe.local/test-pod:bookworm", ref)).code).toBe(0);
      const push = await docker("push", ref);
      expect(push.code, push.stderr).toBe(0);
      await docker("image", "rm", ref);
      await writeFile(path.join(cwd, "cached.yaml"), `${real.replace(/^image: .*/m, `image: ${ref}`)}\n`);
      const cache = tempDir("floe-kind-real-image-cache-");
      // --image-pull node (the default, GitHub's): the runner's Docker pulls it for the cache.
      const first = await floeTest("cached.yaml", "--image-pull", "node", "--image-cache", cache);
      expect(first.code, `${first.out}\n${first.err}`).toBe(0);
      expect(first.err).toContain(`test: image cache: docker pull ${ref}`);
      expect(first.err).toContain(`test: image cache: ${ref} saved to ${cache}`);
      expect(first.out).toContain(
        `info images: loaded into the kind node from the local Docker daemon: ${ref}`,
      );

      // A later job: the registry is gone, and neither Docker nor the node has the image.
      registry.stop();
      await docker("image", "rm", ref);
      const rmNode = await docker("exec", NODE, "ctr", "--namespace=k8s.io", "images", "rm", ref);
      expect(rmNode.code, rmNode.stderr).toBe(0);
      // --image-pull never: nothing may be pulled, so only the cache can supply it.
      const second = await floeTest("cached.yaml", "--image-cache", cache);
      expect(second.code, `${second.out}\n${second.err}`).toBe(0);
      expect(second.err).toContain(`test: image cache: ${ref} loaded from ${cache}`);
      expect(second.err).not.toContain("docker pull");
      const res = await results();
      expect(res.checks.map((c) => `${c.id} ${c.state}`)).toEqual([
        "install demo/cached helm4 pass",
        "helm-test floe-test-demo-test-ok demo/cached helm4 pass",
      ]);
    } finally {
      registry.stop();
      await docker("image", "rm", "--force", ref);
    }
  }, 300_000);

  // --- NetworkPolicy (kube-router's policy controller, scripts/kind-node.sh) --------------------------------------
  const ns = "floe-netpol";
  const kubectl = (...args: string[]) =>
    runTool([tool("kubectl"), "--kubeconfig", up!.stdout.trim(), ...args], { timeoutMs: 180_000 });
  const apply = async (manifest: string) => {
    const r = await runTool([tool("kubectl"), "--kubeconfig", up!.stdout.trim(), "apply", "-f", "-"], {
      input: manifest,
      timeoutMs: 60_000,
    });
    expect(r.code, r.stderr).toBe(0);
  };
  /** One request from a pod to socat's one-line answer (curl --http0.9: exit 0 served, 7 refused, 28 timed out). */
  const fetchFrom = async (pod: string, url: string, seconds = 4, namespace = ns) => {
    const r = await kubectl(
      "-n",
      namespace,
      "exec",
      pod,
      "--",
      "curl",
      "-sS",
      "--http0.9",
      "-m",
      String(seconds),
      url,
    );
    const curl = /command terminated with exit code (\d+)/.exec(r.stderr)?.[1];
    // Served = the answer arrived (socat may close before reading the whole request: curl can then end with a reset).
    return { served: r.stdout.includes("served by web"), exit: r.code === 0 ? 0 : Number(curl ?? -1), r };
  };
  /** A pod of the test-pod image (Debian: curl, socat) in `namespace`. */
  const pod = (name: string, labels: string, command: string[], extra = "", namespace = ns) =>
    [
      "apiVersion: v1",
      "kind: Pod",
      `metadata: { name: ${name}, namespace: ${namespace}, labels: { ${labels} } }`,
      "spec:",
      "  terminationGracePeriodSeconds: 0",
      "  containers:",
      "    - name: main",
      "      image: floe.local/test-pod:bookworm",
      "      imagePullPolicy: Never",
      `      command: ${JSON.stringify(command)}`,
      extra,
    ].join("\n");
  /** Polls until `want(result)` (policies reach iptables a moment after the API has them). */
  const until = async (
    what: string,
    probe: () => ReturnType<typeof fetchFrom>,
    want: (x: boolean) => boolean,
  ) => {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const r = await probe();
      if (want(r.served)) return r;
      if (Date.now() > deadline)
        throw new Error(
          `${what}: still ${r.served ? "served" : "not served"} after 90 s (curl exit ${r.exit}: ${r.r.stderr.trim()})`,
        );
      await new Promise((res) => setTimeout(res, 1_000));
    }
  };
  /** Packets the node's kube-router pod-firewall chains rejected (iptables in the node container). */
  const kubeRouterRejects = async () => {
    const r = await docker("exec", NODE, "iptables", "-w", "5", "-v", "-S");
    expect(r.code, r.stderr).toBe(0);
    return r.stdout
      .split("\n")
      .filter((l) => l.startsWith("-A KUBE-POD-FW-") && / -j REJECT/.test(l))
      .reduce((n, l) => n + Number(/ -c (\d+) /.exec(l)?.[1] ?? 0), 0);
  };

  it("NetworkPolicy is enforced: the same probe pod and Service:port are served while a policy allows it, refused once a policy denies it, served again when it is gone", async () => {
    const ds = await kubectl(
      "-n",
      "kube-system",
      "rollout",
      "status",
      "daemonset/kube-router",
      "--timeout=150s",
    );
    expect(
      ds.code,
      `kube-router (the NetworkPolicy engine of ${nodeImage}) did not become ready:\n${ds.stdout}${ds.stderr}`,
    ).toBe(0);
    await apply(
      [
        `apiVersion: v1\nkind: Namespace\nmetadata: { name: ${ns} }`,
        pod(
          "web",
          "app: web",
          ["socat", "TCP-LISTEN:8080,fork,reuseaddr", "SYSTEM:echo served by web"],
          "      readinessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 2 }",
        ),
        pod("probe", "app: probe", ["sleep", "infinity"]),
        pod("stranger", "app: stranger", ["sleep", "infinity"]),
        `apiVersion: v1\nkind: Service\nmetadata: { name: web, namespace: ${ns} }\nspec: { selector: { app: web }, ports: [{ port: 8080, targetPort: 8080 }] }`,
      ].join("\n---\n"),
    );
    const ready = await kubectl("-n", ns, "wait", "--for=condition=Ready", "pod", "--all", "--timeout=150s");
    expect(ready.code, ready.stderr).toBe(0);
    const ip = await kubectl("-n", ns, "get", "service", "web", "-o", "jsonpath={.spec.clusterIP}");
    const url = `http://${ip.stdout.trim()}:8080/`;
    const probe = () => fetchFrom("probe", url);
    const stranger = () => fetchFrom("stranger", url);

    // No policy yet: both served.
    expect((await until("probe, no policy", probe, (s) => s)).served).toBe(true);
    expect((await until("stranger, no policy", stranger, (s) => s)).served).toBe(true);

    // A policy that lets only app=probe in: the probe pod is served, the stranger is not (so it is enforced).
    await apply(
      `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: web-allow-probe, namespace: ${ns} }\n` +
        "spec:\n  podSelector: { matchLabels: { app: web } }\n  policyTypes: [Ingress]\n" +
        "  ingress: [{ from: [{ podSelector: { matchLabels: { app: probe } } }], ports: [{ port: 8080 }] }]",
    );
    const shut = await until("stranger under web-allow-probe", stranger, (s) => !s);
    expect([7, 28], shut.r.stderr).toContain(shut.exit);
    // Polled too: kube-router rewrites its chains while it converges, and a request caught mid-rewrite can end with
    // an empty reply (curl 52, seen in CI). Once the probe is served, the stranger must still be refused.
    expect((await until("probe under web-allow-probe", probe, (s) => s)).served).toBe(true);
    const still = await stranger();
    expect(still.served, still.r.stdout).toBe(false);

    // The allow policy replaced by one that denies all ingress: the same probe pod, same Service:port, refused.
    await kubectl("-n", ns, "delete", "networkpolicy", "web-allow-probe");
    await apply(
      `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: web-deny-all, namespace: ${ns} }\n` +
        "spec:\n  podSelector: { matchLabels: { app: web } }\n  policyTypes: [Ingress]\n  ingress: []",
    );
    const before = await kubeRouterRejects();
    const denied = await until("probe under web-deny-all", probe, (s) => !s);
    // refused (kube-router REJECTs: ICMP port unreachable) or timed out, never served; the server still listens
    // (Ready), and it was kube-router's pod firewall chain that rejected it (its REJECT counters grew).
    expect([7, 28], denied.r.stderr).toContain(denied.exit);
    expect((await probe()).served).toBe(false);
    expect(await kubeRouterRejects()).toBeGreaterThan(before);
    const web = await kubectl(
      "-n",
      ns,
      "get",
      "pod",
      "web",
      "-o",
      "jsonpath={.status.conditions[?(@.type=='Ready')].status}",
    );
    expect(web.stdout.trim()).toBe("True");

    // Policy gone: served again.
    await kubectl("-n", ns, "delete", "networkpolicy", "web-deny-all");
    expect((await until("probe after web-deny-all is deleted", probe, (s) => s)).served).toBe(true);
  }, 600_000);

  // --- nothing leaves the machine (scripts/docker.sh kind-offline) ------------------------------------------------
  // A documentation address (RFC 5737 TEST-NET-2). Not TEST-NET-1: this VM's own uplink is 192.0.2.0/24 and its
  // default gateway 192.0.2.1, a real host outside the machine. Nothing is sent before the DROP rule is confirmed.
  const OUTSIDE_V4 = "198.51.100.1";
  const OUTSIDE_V6 = "2001:db8::1"; // RFC 3849
  const EGRESS_CHAIN = "FLOE-KIND-EGRESS";
  type Ipt = "iptables" | "ip6tables";
  const chainRules = async (bin: Ipt) => {
    const r = await runTool(asRoot([bin, "-w", "5", "-v", "-S", EGRESS_CHAIN]), { timeoutMs: 30_000 });
    expect(r.code, `${bin} -S ${EGRESS_CHAIN}: ${r.stderr}`).toBe(0);
    return r.stdout.split("\n").filter((l) => l.startsWith(`-A ${EGRESS_CHAIN} `));
  };
  const packets = (line: string | undefined) => Number(/ -c (\d+) \d+/.exec(line ?? "")?.[1] ?? Number.NaN);
  const dropCount = async (bin: Ipt) => {
    const line = (await chainRules(bin)).find((l) => / -j DROP$/.test(l));
    if (!line) throw new Error(`${bin}: no DROP rule in ${EGRESS_CHAIN}: run scripts/docker.sh kind-offline`);
    return packets(line);
  };
  /** Other clusters on the kind network may hit the DROP rule at the same time (their CoreDNS forwarding, say): to
   * count only this test's packets, a rule of the test's own with no target, right in front of the DROP, counts
   * those to `dest` (whatever it counts goes on into the DROP); removed again afterwards. */
  const countInFrontOfDrop = async (bin: Ipt, dest: string) => {
    const spec = [
      "-d",
      dest,
      "-p",
      "tcp",
      "--dport",
      "80",
      "-m",
      "comment",
      "--comment",
      `floe test ${process.pid}`,
    ];
    const at = (await chainRules(bin)).findIndex((l) => / -j DROP$/.test(l)) + 1;
    expect(at, `${bin}: no DROP rule in ${EGRESS_CHAIN}`).toBeGreaterThan(0);
    const ins = await runTool(asRoot([bin, "-w", "5", "-I", EGRESS_CHAIN, String(at), ...spec]), {
      timeoutMs: 30_000,
    });
    expect(ins.code, ins.stderr).toBe(0);
    return {
      count: async () =>
        packets((await chainRules(bin)).find((l) => l.includes(`"floe test ${process.pid}"`))),
      remove: () => runTool(asRoot([bin, "-w", "5", "-D", EGRESS_CHAIN, ...spec]), { timeoutMs: 30_000 }),
    };
  };
  const jumpFor = async (bin: "iptables" | "ip6tables", subnet: string) => {
    const r = await runTool(asRoot([bin, "-w", "5", "-S"]), { timeoutMs: 30_000 });
    expect(
      r.code,
      `${bin} -S: ${r.stderr} (the test reads the host's rules: run it as root or with passwordless sudo)`,
    ).toBe(0);
    const jump = (l: string) =>
      /^-A (DOCKER-USER|FORWARD) /.test(l) &&
      l.includes(` -s ${subnet} `) &&
      l.endsWith(` -j ${EGRESS_CHAIN}`);
    if (!r.stdout.split("\n").some(jump))
      throw new Error(
        `no ${bin} rule sends the kind network's ${subnet} to ${EGRESS_CHAIN}: run scripts/docker.sh (kind-offline)`,
      );
  };

  it("nothing leaves the machine: a pod's connection to an outside address dies in the host's DROP rule for the kind network (its counter grows)", async () => {
    const subnets = (
      await docker("network", "inspect", "kind", "-f", "{{range .IPAM.Config}}{{.Subnet}} {{end}}")
    ).stdout
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    const v4 = subnets.filter((n) => !n.includes(":"));
    const v6 = subnets.filter((n) => n.includes(":"));
    expect(v4.length).toBeGreaterThan(0);
    for (const n of v4) await jumpFor("iptables", n);
    for (const n of v6) await jumpFor("ip6tables", n);

    // Its own pod and namespace (no NetworkPolicy there), so only the host's rule stands in the way.
    await apply(
      `apiVersion: v1\nkind: Namespace\nmetadata: { name: floe-egress }\n---\n${pod("outbound", "app: outbound", ["sleep", "infinity"], "", "floe-egress")}`,
    );
    const ready = await kubectl(
      "-n",
      "floe-egress",
      "wait",
      "--for=condition=Ready",
      "pod/outbound",
      "--timeout=150s",
    );
    expect(ready.code, ready.stderr).toBe(0);
    const mine = await countInFrontOfDrop("iptables", OUTSIDE_V4);
    try {
      const before = await dropCount("iptables");
      const out = await fetchFrom("outbound", `http://${OUTSIDE_V4}/`, 5, "floe-egress");
      expect(out.served).toBe(false);
      expect(out.exit, out.r.stderr).toBe(28); // timed out: dropped silently, not refused or routed anywhere
      // The pod's SYNs (curl retries within its 5 s) reached the end of our chain, and the DROP there counted them.
      const reached = await mine.count();
      expect(reached).toBeGreaterThanOrEqual(1);
      expect(await dropCount("iptables")).toBeGreaterThanOrEqual(before + reached);
    } finally {
      await mine.remove();
    }

    // The kind network's IPv6 subnet (kind gives it one; pods here are IPv4 only): the node itself cannot get out.
    if (v6.length > 0) {
      const mine6 = await countInFrontOfDrop("ip6tables", OUTSIDE_V6);
      try {
        const before6 = await dropCount("ip6tables");
        const r = await docker("exec", NODE, "curl", "-sS", "-m", "4", `http://[${OUTSIDE_V6}]/`);
        expect(r.stderr).toContain("timed out");
        const reached6 = await mine6.count();
        expect(reached6).toBeGreaterThanOrEqual(1);
        expect(await dropCount("ip6tables")).toBeGreaterThanOrEqual(before6 + reached6);
      } finally {
        await mine6.remove();
      }
    }
  }, 120_000);

  it("a cluster up that fails keeps kind's output and `kind export logs` in the work dir, and leaves no node", async () => {
    // A node image that boots but cannot init (kubeadm removed): built here from the local node image.
    const ctx = tempDir("floe-kind-real-broken-");
    await writeFile(path.join(ctx, "Dockerfile"), `FROM ${nodeImage}\nRUN rm /usr/bin/kubeadm\n`);
    const built = await runTool(["docker", "build", "--quiet", "--tag", BROKEN_NODE, ctx], {
      timeoutMs: 120_000,
    });
    expect(built.code, built.stderr).toBe(0);
    const badWork = tempDir("floe-kind-real-bad-");
    const bad = `${NAME}-bad`;
    const r = await runTool(upArgv(badWork, bad, BROKEN_NODE), { timeoutMs: 280_000 });
    // Exit 3: a tool (kind) failed, not the input (exit 2).
    expect(r.code, r.stderr).toBe(3);
    const dir = path.join(badWork, "cluster", "kind");
    const d = dir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    expect(r.stderr.trim().split("\n").pop()).toMatch(
      new RegExp(
        `^floe-helm: error: kind create cluster failed \\(exit 1\\): ERROR: failed to create cluster: failed to init node with kubeadm: .*\\(kept: ${d}/kind-create\\.log, ${d}/kind-logs( \\(kind export logs incomplete: .*\\))?\\)$`,
      ),
    );
    expect(await readFile(path.join(dir, "kind-create.log"), "utf8")).toContain(
      'exec: "kubeadm": executable file not found',
    );
    // The node's own logs, as kind exports them (journal, containerd, kubelet).
    expect(await readdir(path.join(dir, "kind-logs", kindNodeContainer(bad)))).toEqual(
      expect.arrayContaining(["journal.log", "containerd.log", "kubelet.log", "inspect.json"]),
    );
    const left = await docker("ps", "-a", "--filter", `name=^${kindNodeContainer(bad)}$`, "-q");
    expect(left.stdout.trim()).toBe("");
  }, 300_000);

  // Last: it replaces the cluster the tests above used.
  it("cluster up replaces a node container left over stopped (as after a dockerd restart): deleted and recreated, no error", async () => {
    const stop = await runTool(["docker", "stop", "--time", "5", NODE], { timeoutMs: 120_000 });
    expect(stop.code, stop.stderr).toBe(0);
    const again = await runTool(upArgv(work, NAME, nodeImage), { timeoutMs: 280_000 });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(
      `kind: cluster ${NAME} from an earlier run does not answer: deleting and recreating it`,
    );
    expect(again.stdout.trim()).toBe(up!.stdout.trim());
    const nodes = await runTool([tool("kubectl"), "--kubeconfig", again.stdout.trim(), "get", "nodes"]);
    expect(nodes.stdout).toMatch(new RegExp(`${NODE}\\s+Ready\\s`));
  }, 300_000);
});
