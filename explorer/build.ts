/**
 * Builds the explorer: explorer/src/main.ts (TypeScript, with cytoscape and fcose) bundled and
 * minified by esbuild into explorer/dist/app.js + app.css, beside a copy of index.html.
 * explorer/dist/ is git-ignored: `npm start` and `npm test` run this first (prestart/pretest),
 * and the explorer tests call buildExplorer() themselves, so a fresh clone never serves a stale
 * or missing bundle. `npm run explorer:build -- --watch` rebuilds on every change.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
export const EXPLORER_SRC = path.join(here, 'src');
export const EXPLORER_DIST = path.join(here, 'dist');

function options(): esbuild.BuildOptions {
  return {
    entryPoints: { app: path.join(EXPLORER_SRC, 'main.ts') },
    outdir: EXPLORER_DIST,
    bundle: true,
    minify: true,
    sourcemap: 'linked',
    format: 'esm',
    target: ['es2022'],
    platform: 'browser',
    legalComments: 'linked',
    logLevel: 'warning',
    metafile: true,
    plugins: [
      {
        name: 'copy-index-html',
        setup(build) {
          build.onEnd(() => {
            mkdirSync(EXPLORER_DIST, { recursive: true });
            copyFileSync(path.join(EXPLORER_SRC, 'index.html'), path.join(EXPLORER_DIST, 'index.html'));
          });
        },
      },
    ],
  };
}

/** One build; resolves with the output files and their sizes in bytes. */
export async function buildExplorer(): Promise<Record<string, number>> {
  const result = await esbuild.build(options());
  const sizes: Record<string, number> = {};
  for (const [file, out] of Object.entries(result.metafile?.outputs ?? {})) sizes[path.basename(file)] = out.bytes;
  return sizes;
}

// Run as a script (`tsx explorer/build.ts [--watch]`).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--watch')) {
    const ctx = await esbuild.context(options());
    await ctx.watch();
    process.stderr.write('explorer: watching explorer/src for changes\n');
  } else {
    const t0 = performance.now();
    const sizes = await buildExplorer();
    const js = sizes['app.js'] ?? 0;
    process.stderr.write(`explorer: built explorer/dist in ${Math.round(performance.now() - t0)} ms (app.js ${(js / 1024).toFixed(0)} KiB)\n`);
  }
}
