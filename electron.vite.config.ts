import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** The .docx package the main process exports with, brought up to date from packageSource.ts first (scripts/docx-package.ts). */
function docxPackage(): Plugin {
  return {
    name: 'docx-package',
    buildStart() {
      const run = spawnSync(
        process.execPath,
        [resolve(__dirname, 'scripts/run-ts.cjs'), resolve(__dirname, 'scripts/docx-package.ts')],
        { cwd: __dirname, stdio: 'inherit' },
      );
      if (run.status !== 0) this.error('未能生成 .docx 的样式包（src/core/export/generated/docxPackage.ts）。');
    },
  };
}

export default defineConfig({
  main: {
    plugins: [docxPackage()],
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require() packages: bundle zod and our IPC map into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
