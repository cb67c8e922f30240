// plain-secret's detector (src/checks/values-files/plain-secret.ts), shared by the gate and generate:
// literal credentials found by key, URL, connection string or PEM block, at their line:col, and the
// references, templates and placeholders that are not credentials. This repository's own values files hold
// none.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { findPlainSecrets, isCredentialKey } from "../../src/checks/values-files/plain-secret.js";
import { parseYamlText } from "../../src/values/yaml.js";
import { repoRoot } from "../helpers/tools.js";

const find = (text: string) =>
  findPlainSecrets(parseYamlText(text, "v.yaml")).map((s) => [s.path.join("."), s.kind, s.at.line, s.at.col]);

describe("isCredentialKey", () => {
  test.each<[string, boolean]>([
    ["password", true],
    ["adminPassword", true],
    ["DB_PASSWORD", true],
    ["db-password", true],
    ["rootPassword", true],
    ["clientSecret", true],
    ["jwt_secret", true],
    ["token", true],
    ["authToken", true],
    ["apiKey", true],
    ["api-key", true],
    ["privateKey", true],
    ["accessKey", true],
    ["secretKey", true],
    ["secret_access_key", true],
    ["pwd", true],
    ["existingSecret", false],
    ["secretName", false],
    ["tlsSecretName", false],
    ["tlsSecret", false],
    ["passwordSecret", false],
    ["passwordKey", false],
    ["existingSecretPasswordKey", false],
    ["tokenKey", false],
    ["secretKeyRef", false],
    ["passwordRef", false],
    ["tokenUrl", false],
    ["token_url", false],
    ["tokenEndpoint", false],
    ["passwordFile", false],
    ["secretsEnabled", false],
    ["passwordLength", false],
    ["secrets", false],
    ["tokenizer", false],
    ["imagePullSecrets", false],
    ["username", false],
  ])("%s: %s", (key, want) => {
    expect(isCredentialKey(key)).toBe(want);
  });
});

describe("findPlainSecrets: what is reported (key path, kind, line, col)", () => {
  test.each<[string, string, unknown[][]]>([
    ["a password", "db:\n  user: app\n  password: hunter2\n", [["db.password", "key", 3, 3]]],
    ["a number", "auth:\n  token: 123456\n", [["auth.token", "key", 2, 3]]],
    ["a camelCase key", "minio:\n  rootPassword: minio123\n", [["minio.rootPassword", "key", 2, 3]]],
    [
      "an environment variable in a list",
      "env:\n  - name: X\n    value: y\n  - {name: DB, DB_PASSWORD: p4ss}\n",
      [["env.1.DB_PASSWORD", "key", 4, 16]],
    ],
    ["an env map", "extraEnv:\n  API_KEY: abcdef\n", [["extraEnv.API_KEY", "key", 2, 3]]],
    [
      "a URL with a password under any key",
      "externalDatabase:\n  url: postgres://app:s3cret@db:5432/app\n",
      [["externalDatabase.url", "url", 2, 3]],
    ],
    [
      "a URL with a password inside a text block",
      "config: |\n  [db]\n  dsn = mysql://root:pw@mysql/app\n",
      [["config", "url", 1, 1]],
    ],
    [
      "a connection string with password=",
      'conn: "Host=db;Username=app;Password=pa55;Database=x"\n',
      [["conn", "connection-string", 1, 1]],
    ],
    [
      "a libpq string",
      "dsn: host=db user=app password=pa55 dbname=x\n",
      [["dsn", "connection-string", 1, 1]],
    ],
    [
      "a PEM private key under a neutral key",
      "tls:\n  key: |\n    -----BEGIN RSA PRIVATE KEY-----\n    MIIB\n    -----END RSA PRIVATE KEY-----\n",
      [["tls.key", "private-key", 2, 3]],
    ],
    [
      "two in document order",
      "a:\n  secret: x\nb:\n  apiKey: yz\n",
      [
        ["a.secret", "key", 2, 3],
        ["b.apiKey", "key", 4, 3],
      ],
    ],
  ])("%s", (_name, text, want) => {
    expect(find(text)).toEqual(want);
  });
});

describe("findPlainSecrets: references, templates and placeholders are not credentials", () => {
  test.each<[string, string]>([
    ["empty", 'password: ""\ntoken: \nsecret: null\n'],
    ["booleans", "automountServiceAccountToken: false\nsecret: true\n"],
    [
      "existingSecret and its key names",
      "auth:\n  existingSecret: db-creds\n  passwordKey: password\n  secretKeys:\n    adminPasswordKey: admin-password\n",
    ],
    [
      "a secretKeyRef",
      "env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef: {name: db, key: password}\n",
    ],
    [
      "secretEnv: environment variable -> key in a Secret",
      "credentials:\n  existingSecret: creds\n  secretEnv:\n    FLOE_DB_PASSWORD: db-password\n",
    ],
    ["a *Ref mapping", "passwordRef:\n  password: the-key\n"],
    [
      "a URL without a password",
      "tokenUrl: https://auth.example.com/token\nendpoint: http://user@host:4318\n",
    ],
    ["a helm template", 'password: "{{ .Values.global.pw }}"\n'],
    ["dbt's env_var()", "profiles: |\n  password: \"{{ env_var('DB_PASSWORD', '') }}\"\n"],
    [
      "environment variables",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: shell-style variables in YAML, not a JS template
      "password: $DB_PASSWORD\ntoken: ${TOKEN}\nsecret: $(SECRET)\nurl: postgres://u:${PW}@db/x\n",
    ],
    ["placeholders", "password: <password>\ntoken: '***'\n"],
    ["a shell line with a password variable", 'args: ["PGPASSWORD=$P psql -h db"]\n'],
  ])("%s", (_name, text) => {
    expect(find(text)).toEqual([]);
  });
});

describe("this repository's values files", () => {
  const files = [
    ...["floe-platform", "floe-jobs"].flatMap((c) => {
      const dir = path.join("charts", c);
      const ci = path.join(dir, "ci");
      return [
        ...readdirSync(path.join(repoRoot, dir))
          .filter((f) => /^values.*\.yaml$/.test(f))
          .map((f) => path.join(dir, f)),
        ...readdirSync(path.join(repoRoot, ci))
          .filter((f) => f.endsWith("-values.yaml"))
          .map((f) => path.join(ci, f)),
      ];
    }),
    ...readdirSync(path.join(repoRoot, "scenarios", "kind-local")).map((f) =>
      path.join("scenarios", "kind-local", f),
    ),
    ...readdirSync(path.join(repoRoot, "examples", "orders"))
      .filter((f) => f.endsWith(".yaml"))
      .map((f) => path.join("examples", "orders", f)),
  ];
  test("are found (both charts' values.yaml, scenarios, examples)", () => {
    expect(files).toContain(path.join("charts", "floe-platform", "values.yaml"));
    expect(files.length).toBeGreaterThan(20);
  });
  test.each(files)("%s holds no literal credential", (f) => {
    expect(findPlainSecrets(parseYamlText(readFileSync(path.join(repoRoot, f), "utf8"), f))).toEqual([]);
  });
});
