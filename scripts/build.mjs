// Bundles the CLI into one ESM file so a reader starts without resolving hundreds of modules.
import {readFileSync} from 'node:fs';
import {build} from 'esbuild';

const {version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// Modules the reader never runs are replaced by stubs, so they cost neither bytes nor start-up:
// Ink loads React DevTools only when DEV=true, and conf uses Ajv only for a JSON schema, which
// Lectern does not give it (io/storage.ts validates what it reads by hand).
const stubs = {
	name: 'stubs',
	setup(build) {
		build.onResolve({filter: /^\.\/devtools\.js$/}, () => ({path: 'devtools', namespace: 'stub'}));
		build.onResolve({filter: /^ajv(\/dist\/2020\.js)?$|^ajv-formats$/}, (args) => ({path: args.path, namespace: 'stub'}));
		build.onLoad({filter: /.*/, namespace: 'stub'}, (args) => ({
			contents: args.path === 'devtools' ? '' : 'export class Ajv2020 {} export default {};',
			loader: 'js',
		}));
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
	// Yoga's loader feature-tests the global fetch; touching it makes Node 20 load undici (about
	// 30 ms) only to read Yoga's wasm from a data: URL. Without fetch it decodes the bytes itself.
	define: {'process.env.NODE_ENV': '"production"', fetch: 'undefined', LECTERN_VERSION: JSON.stringify(version)},
	plugins: [stubs],
	banner: {
		// Some bundled CommonJS modules call require(); give the ESM bundle a real one.
		js: "#!/usr/bin/env node\nimport {createRequire as __lecternCreateRequire} from 'node:module';const require = __lecternCreateRequire(import.meta.url);",
	},
	logLevel: 'warning',
});
