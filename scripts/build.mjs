// Bundles the CLI into one ESM file so a reader starts without resolving hundreds of modules.
import {build} from 'esbuild';

// Ink loads React DevTools only when DEV=true; the reader never needs them, so the module is empty.
const withoutDevtools = {
	name: 'without-devtools',
	setup(build) {
		build.onResolve({filter: /^\.\/devtools\.js$/}, () => ({path: 'devtools', namespace: 'empty'}));
		build.onLoad({filter: /.*/, namespace: 'empty'}, () => ({contents: '', loader: 'js'}));
	},
};

await build({
	entryPoints: ['source/cli.tsx'],
	outfile: 'dist/lectern.js',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20.19',
	minify: true,
	legalComments: 'none',
	// Production React: no dev-only checks and warnings in the reader's hot path.
	define: {'process.env.NODE_ENV': '"production"'},
	plugins: [withoutDevtools],
	banner: {
		// Some bundled CommonJS modules call require(); give the ESM bundle a real one.
		js: "#!/usr/bin/env node\nimport {createRequire as __lecternCreateRequire} from 'node:module';const require = __lecternCreateRequire(import.meta.url);",
	},
	logLevel: 'warning',
});
