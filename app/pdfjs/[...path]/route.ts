// pdf.js's own files for the inline PDF viewer (components/paper/PdfViewer.tsx): its worker, and the
// fonts, CMaps, colour profiles and decoders some PDFs need, served from the installed pdfjs-dist.
// The version is in the path, so browsers may keep them for good.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export const dynamic = 'force-dynamic';

const ROOT = path.join(process.cwd(), 'node_modules', 'pdfjs-dist');
const DIRS = new Set(['build', 'cmaps', 'standard_fonts', 'wasm', 'iccs']);
const TYPES: Record<string, string> = {
  mjs: 'text/javascript; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  wasm: 'application/wasm',
  bcmap: 'application/octet-stream',
  pfb: 'application/octet-stream',
  ttf: 'font/ttf',
  icc: 'application/vnd.iccprofile',
};

let version: Promise<string> | undefined;
const installedVersion = () =>
  (version ??= readFile(path.join(ROOT, 'package.json'), 'utf8').then(
    (t) => (JSON.parse(t) as { version: string }).version,
  ));

const notFound = () =>
  new Response('Not found.\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const [v, dir, file, ...rest] = (await params).path;
  const ext = file?.split('.').pop() ?? '';
  if (
    rest.length ||
    !dir ||
    !file ||
    !DIRS.has(dir) ||
    !/^[\w.-]+$/.test(file) ||
    !(ext in TYPES) ||
    v !== (await installedVersion())
  )
    return notFound();
  // From build/ only the worker: the library itself is bundled with the viewer.
  if (dir === 'build' && file !== 'pdf.worker.min.mjs') return notFound();
  try {
    const body = await readFile(path.join(ROOT, dir, file));
    return new Response(body, {
      headers: { 'content-type': TYPES[ext]!, 'cache-control': 'public, max-age=31536000, immutable' },
    });
  } catch {
    return notFound();
  }
}
