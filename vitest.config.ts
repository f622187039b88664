import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['source/**/*.test.ts', 'source/**/*.test.tsx', 'test/**/*.test.ts'],
		// One worker context for all files: the suite is fast and isolation costs more than it buys here.
		isolate: false,
		setupFiles: ['source/test-setup.ts'],
		testTimeout: 20_000,
		hookTimeout: 20_000,
	},
});
