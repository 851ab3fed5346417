/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [react()],
  // The engine worker is a module worker that lazy-loads cytoscape for the headless layout; 'es' keeps that
  // dynamic import a separate chunk instead of Vite's default iife inlining it (toolchain.md snag 6).
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1200 },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    // CI runs on a busy 2-core machine where a 1-second test can take ten: vitest's 5 s default fails tests that
    // are merely slow there. Tests that take more than 5 s on a quiet machine set their own, longer timeout.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
