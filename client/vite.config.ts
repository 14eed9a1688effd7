import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { pageHead } from './page-head-plugin.ts';
import { screenShell } from './screen-shell-plugin.ts';

const root = path.dirname(fileURLToPath(import.meta.url));
const server = process.env.TREATY_WATCH_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  plugins: [
    react(),
    pageHead(),
    screenShell({ page: path.join(root, 'index.html'), worker: path.join(root, 'src/screen-worker/screen-sw.ts') }),
  ],
  // The charts chunk (Recharts) is loaded after the board, so its size does not hold up the first paint.
  // Two pages: the app, and the small embed a reader's article frames.
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: { input: { main: path.join(root, 'index.html'), embed: path.join(root, 'embed.html') } },
  },
  // `npm run dev`: one URL (:5173) with hot reload, the API and the realtime channel proxied.
  server: {
    port: 5173,
    proxy: {
      '/api': server,
      '/feeds': server,
      '/healthz': server,
      '/readyz': server,
      '/metrics': server,
      '/socket.io': { target: server, ws: true },
      // The widgets are Vite's own second page here, with hot reload like the first.
      '/embed/': { target: server, bypass: () => '/embed.html' },
    },
  },
});
