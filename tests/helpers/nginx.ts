// Debian's nginx in front of site processes, configured by the README's own example (the first
// ```nginx block), with only its upstream servers and listen address changed: the test proves the
// configuration people copy. scripts/test-deps.ts installs nginx and sets NGINX_PATH.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './app';

export interface RunningNginx {
  url: string;
  close(): Promise<void>;
}

/** The README's nginx example, for these upstreams ("127.0.0.1:port") and listen port. */
export function readmeNginxConfig(upstreams: string[], port: number): string {
  const block = /```nginx\n([\s\S]*?)```/.exec(readFileSync('README.md', 'utf8'))?.[1];
  if (!block) throw new Error('README.md has no ```nginx block');
  const servers = [...block.matchAll(/^\s*server 127\.0\.0\.1:\d+;\n/gm)];
  if (!servers.length || !/\blisten 80;/.test(block))
    throw new Error(
      'the README nginx example no longer has the upstream servers and `listen 80;` this test replaces',
    );
  const first = servers[0]!;
  const last = servers.at(-1)!;
  const indent = /^\s*/.exec(first[0])![0];
  return (
    block.slice(0, first.index) +
    upstreams.map((u) => `${indent}server ${u};\n`).join('') +
    block.slice(last.index! + last[0].length)
  ).replace(/\blisten 80;/, `listen 127.0.0.1:${port};`);
}

export async function startNginx(upstreams: string[]): Promise<RunningNginx> {
  const binary = process.env.NGINX_PATH || '/usr/sbin/nginx';
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'coolpapers-nginx-'));
  chmodSync(dir, 0o777); // nginx's worker processes drop root's rights and write their temp files here
  const conf = path.join(dir, 'nginx.conf');
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `${t}_temp_path ${dir}/${t};`)
    .join('\n  ');
  writeFileSync(
    conf,
    `daemon off;\nworker_processes 1;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents { worker_connections 1024; }\n` +
      `http {\n  access_log off;\n  ${temp}\n${readmeNginxConfig(upstreams, port)}\n}\n`,
  );
  const child: ChildProcess = spawn(binary, ['-p', dir, '-e', `${dir}/error.log`, '-c', conf], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null)
      throw new Error(
        `nginx exited ${child.exitCode}: ${output}${readFileSync(path.join(dir, 'error.log'), 'utf8')}`,
      );
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (up) break;
    if (i > 100) throw new Error(`nginx did not listen within 10 s: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGQUIT'); // nginx's graceful stop
      await exited;
    },
  };
}
