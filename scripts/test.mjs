// `npm test`: every check the project has, in one command. Installs the system packages the tests
// need when they are missing (as root, with apt-get), builds, lints, type-checks, then runs unit,
// integration and end-to-end tests inside a private D-Bus session with an unlocked gnome-keyring
// (so the OS keychain is tested for real), and ends with one "N passed, N failed" line.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

/** System packages the tests use: Chromium for end-to-end tests, gnome-keyring + D-Bus for the keychain. */
export const SYSTEM_PACKAGES = ["chromium", "gnome-keyring", "dbus", "dbus-x11", "libsecret-1-0"];
const REQUIRED_BINARIES = ["/usr/bin/chromium", "/usr/bin/dbus-run-session", "/usr/bin/gnome-keyring-daemon"];

function run(label, command, args, options = {}) {
  console.log(`\n== ${label}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function ensureSystemPackages() {
  const missing = REQUIRED_BINARIES.filter((path) => !existsSync(path));
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync("/usr/bin/apt-get")) {
    console.error(`Missing ${missing.join(", ")}. Install: sudo apt-get install -y ${SYSTEM_PACKAGES.join(" ")}`);
    process.exit(1);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (run("system packages", "apt-get", ["update"], { env }) !== 0) process.exit(1);
  const status = run("system packages", "apt-get", ["install", "-y", "--no-install-recommends", ...SYSTEM_PACKAGES], { env });
  if (status !== 0) process.exit(status);
}

ensureSystemPackages();
for (const [label, args] of [
  ["build", ["scripts/build.mjs"]],
]) {
  if (run(label, process.execPath, args) !== 0) process.exit(1);
}
if (run("lint", "npx", ["eslint", "."]) !== 0) process.exit(1);
if (run("typecheck", "npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]) !== 0) process.exit(1);

mkdirSync(".tmp", { recursive: true });
const report = ".tmp/vitest-report.json";
rmSync(report, { force: true });
const extra = process.argv.slice(2);
const status = run("tests", "bash", [
  "scripts/with-keyring.sh",
  "npx", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...extra,
]);

if (!existsSync(report)) {
  console.error("tests: the test runner wrote no report");
  process.exit(status || 1);
}
const summary = JSON.parse(readFileSync(report, "utf8"));
const skipped = summary.numPendingTests + (summary.numTodoTests ?? 0);
console.log(`\ntests: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ""}`);
if (summary.numTotalTests === 0) {
  console.error("tests: no test ran");
  process.exit(1);
}
process.exit(status === 0 && summary.numFailedTests === 0 ? 0 : 1);
