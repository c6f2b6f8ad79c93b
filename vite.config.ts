/**
 * The web app's build (`vite build` → dist/web, served by the API server at `/`) and its
 * dev server (`npm run dev:web`: hot reload on :5173, /api proxied to `closer serve` on :3000,
 * or CLOSER_API=http://host:port).
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // antd + ECharts are large; split them so the app's own code changes without busting them.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)/ },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-)/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.CLOSER_API ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
