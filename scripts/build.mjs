// Bundles the CLI into one file, dist/lectern.js, so a reader starts without resolving hundreds of modules.
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {build} from 'esbuild';
import {dependencyPatches} from './build-patches.mjs';
import {entrySource} from './code-cache.mjs';

const {version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// Modules the reader never runs are replaced by stubs, so they cost neither bytes nor start-up:
// Ink loads React DevTools only when DEV=true, and conf uses Ajv only for a JSON schema, which
// Lectern does not give it (io/storage.ts validates what it reads by hand), and semver only for migrations.
const stubs = {
	name: 'stubs',
	setup(build) {
		build.onResolve({filter: /^\.\/devtools\.js$/}, () => ({path: 'devtools', namespace: 'stub'}));
		build.onResolve({filter: /^ajv(\/dist\/2020\.js)?$|^ajv-formats$/}, (args) => ({path: args.path, namespace: 'stub'}));
		// conf calls semver only to run migrations, which Lectern does not give it: 29 KB and a few ms of regex building at start-up.
		build.onResolve({filter: /^semver$/}, () => ({path: 'semver', namespace: 'stub'}));
		build.onLoad({filter: /.*/, namespace: 'stub'}, (args) => ({
			contents:
				args.path === 'devtools'
					? ''
					: args.path === 'semver'
						? "const unused = () => { throw new Error('semver is not bundled: Lectern gives conf no migrations'); }; export default {eq: unused, clean: unused, satisfies: unused, lte: unused, gt: unused};"
						: 'export class Ajv2020 {} export default {};',
			loader: 'js',
		}));
	},
};

// --- Node.js version check (issue 8) ---------------------------------------------------------
// The first statement of the bundle: on a Node older than package.json's engines, one line and
// exit 1, before any bundled code runs (it cannot live in cli.tsx: ESM imports are hoisted).
// Written in old syntax, so that old Nodes parse it.
const [minMajor, minMinor = 0] = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines.node.match(/\d+/g).map(Number);
const nodeCheck = `{const v=process.versions.node.split('.').map(Number);if(v[0]<${minMajor}||v[0]===${minMajor}&&v[1]<${minMinor}){process.stderr.write('lectern needs Node.js ${minMajor}.${minMinor} or newer; this is Node.js '+process.versions.node+'. Get a current one from https://nodejs.org\\n');process.exit(1)}}`;
// --- end of the Node.js version check -----------------------------------------------------------

// The bundle is a classic script (CommonJS format, run by a small ES module entry through node:vm)
// so that Node 20 can keep a V8 code cache of it: see scripts/code-cache.mjs. import.meta is what
// the entry passes in; yoga's top-level await is gone (scripts/build-patches.mjs).
const outfile = process.env.BUILD_OUTFILE ?? 'dist/lectern.js';
const result = await build({
	entryPoints: ['source/cli.tsx'],
	outfile,
	write: false,
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node20.19',
	minify: process.env.BUILD_MINIFY !== '0',
	legalComments: 'none',
	// Production React: no dev-only checks and warnings in the reader's hot path.
	// Yoga's loader feature-tests the global fetch; touching it makes Node 20 load undici (about
	// 30 ms) only to read Yoga's wasm from a data: URL. Without fetch it decodes the bytes itself.
	define: {'process.env.NODE_ENV': '"production"', fetch: 'undefined', LECTERN_VERSION: JSON.stringify(version), 'import.meta': '__lecternMeta'},
	plugins: [stubs, dependencyPatches],
	logLevel: 'warning',
});
// The Node.js version check comes first (see nodeCheck above).
mkdirSync(path.dirname(outfile), {recursive: true});
writeFileSync(outfile, entrySource(result.outputFiles[0].text, nodeCheck), {mode: 0o755});
