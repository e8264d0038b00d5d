// What `npm test` needs from the machine beyond npm: Chromium for the browser tests, a CJK font
// for pages with Chinese text, and nginx for the tests of the README's reverse-proxy setup in front
// of several site processes. Checked before anything else runs, so a machine without them
// fails in its first seconds, or installs them when it can (Debian/Ubuntu as root or with
// password-less sudo). Run directly (`node --import tsx scripts/test-deps.ts`) it does the same.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const PACKAGES = ['chromium', 'fonts-noto-cjk', 'nginx'];
const BROWSER_NAMES = ['chromium', 'chromium-browser'];

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** First executable called `name` on PATH. */
function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, name);
    if (isExecutable(file)) return file;
  }
  return undefined;
}

/** A browser binary that answers `--version` (Ubuntu's snap stub, for one, does not). */
function workingBrowser(env: NodeJS.ProcessEnv): string | undefined {
  for (const name of BROWSER_NAMES) {
    const file = onPath(name, env);
    if (file && spawnSync(file, ['--version'], { env, timeout: 15_000 }).status === 0) return file;
  }
  return undefined;
}

/** nginx, on PATH or where Debian puts it (/usr/sbin is not on every user's PATH). */
function findNginx(env: NodeJS.ProcessEnv): string | undefined {
  return onPath('nginx', env) ?? (isExecutable('/usr/sbin/nginx') ? '/usr/sbin/nginx' : undefined);
}

function hasCjkFont(env: NodeJS.ProcessEnv): boolean {
  const fcList = onPath('fc-list', env);
  if (!fcList) return false;
  const r = spawnSync(fcList, [':lang=zh', 'family'], { env, encoding: 'utf8', timeout: 15_000 });
  return r.status === 0 && r.stdout.trim() !== '';
}

/** How this machine can install Debian packages, or why it cannot. */
function installer(env: NodeJS.ProcessEnv): { argv0: string[] } | { cannot: string } {
  if (!existsSync('/etc/debian_version')) return { cannot: 'not a Debian or Ubuntu system' };
  const aptGet = onPath('apt-get', env);
  if (!aptGet) return { cannot: 'apt-get is not on PATH' };
  if (process.getuid?.() === 0) return { argv0: [aptGet] };
  const sudo = onPath('sudo', env);
  if (sudo && spawnSync(sudo, ['-n', 'true'], { env }).status === 0) return { argv0: [sudo, '-n', aptGet] };
  return { cannot: 'not root, and sudo needs a password' };
}

function explain(missing: string[], why: string): string {
  return [
    `npm test needs ${missing.join(' and ')} for its browser and reverse-proxy tests, and cannot install them here (${why}).`,
    `Install them and run npm test again:`,
    `  sudo apt-get install ${PACKAGES.join(' ')}      # Debian or Ubuntu`,
    `or set CHROMIUM_PATH to another Chromium or Chrome binary (and install any Noto CJK font and nginx).`,
  ].join('\n');
}

export type TestDeps = { ok: true; chromiumPath: string; nginxPath: string } | { ok: false; message: string };

/** Finds (or installs) Chromium and a CJK font; never starts a test when they are missing. */
export function ensureTestDeps(env: NodeJS.ProcessEnv = process.env): TestDeps {
  if (env.CHROMIUM_PATH) {
    // Someone chose a browser: use it or say why not, but do not install another one.
    if (!isExecutable(env.CHROMIUM_PATH))
      return {
        ok: false,
        message: `CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable file. Point it at a Chromium or Chrome binary, or unset it to use Debian's chromium (apt-get install ${PACKAGES.join(' ')}).`,
      };
    const lacking = [
      ...(hasCjkFont(env) ? [] : ['a CJK font (fonts-noto-cjk)']),
      ...(findNginx(env) ? [] : ['nginx']),
    ];
    if (lacking.length)
      return {
        ok: false,
        message: explain(lacking, 'CHROMIUM_PATH is set, so nothing is installed automatically'),
      };
    return { ok: true, chromiumPath: env.CHROMIUM_PATH, nginxPath: findNginx(env)! };
  }
  const missing = () => [
    ...(workingBrowser(env) ? [] : ['Chromium']),
    ...(hasCjkFont(env) ? [] : ['CJK fonts']),
    ...(findNginx(env) ? [] : ['nginx']),
  ];
  const before = missing();
  if (before.length > 0) {
    const how = installer(env);
    if ('cannot' in how) return { ok: false, message: explain(before, how.cannot) };
    const run = (args: string[]) => {
      const argv = [...how.argv0, ...args];
      console.log(`test setup: ${before.join(' and ')} missing; running: ${argv.join(' ')}`);
      return (
        spawnSync(argv[0]!, argv.slice(1), {
          env: { ...env, DEBIAN_FRONTEND: 'noninteractive' },
          stdio: 'inherit',
        }).status === 0
      );
    };
    if (!run(['update']) || !run(['install', '-y', '--no-install-recommends', ...PACKAGES])) {
      return { ok: false, message: explain(before, 'apt-get failed, see its output above') };
    }
    const after = missing();
    if (after.length > 0)
      return {
        ok: false,
        message: explain(
          after,
          `installed ${PACKAGES.join(' ')}, but ${after.join(' and ')} still cannot be found`,
        ),
      };
  }
  return { ok: true, chromiumPath: workingBrowser(env)!, nginxPath: findNginx(env)! };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const deps = ensureTestDeps();
  if (!deps.ok) {
    console.error(deps.message);
    process.exit(1);
  }
  console.log(`test setup: Chromium at ${deps.chromiumPath}, CJK fonts present, nginx at ${deps.nginxPath}`);
}
