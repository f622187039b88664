// Bundles the CLI into one file, dist/lectern.js, so a reader starts without resolving hundreds of modules.
import {createHash} from 'node:crypto';
import {mkdirSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {build} from 'esbuild';
import {dependencyPatches} from './build-patches.mjs';
import {entrySource, scriptSource} from './code-cache.mjs';

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

// Two bundles, each a classic script (CommonJS format, run by dist/lectern.js through node:vm, so
// that Node 20 can keep a V8 code cache of it: see scripts/code-cache.mjs):
// - start.js: source/start.ts and what it needs to draw the first page (core, plain text, the
//   store files, the story cache), with no Ink, React or conf;
// - reader.js: the CLI and the app. The modules start.js has are not bundled again: reader.js
//   takes them from start.js (plugin below), so there is one copy of each, and of its state.
// import.meta is what the entry passes in; yoga's top-level await is gone (scripts/build-patches.mjs).
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outdir = process.env.BUILD_OUTDIR ?? 'dist';
const common = {
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
	// LECTERN_PARSER keys the story cache (source/io/story-cache.ts): a new parser, a new cache.
	define: {
		'process.env.NODE_ENV': '"production"',
		fetch: 'undefined',
		LECTERN_VERSION: JSON.stringify(version),
		LECTERN_PARSER: JSON.stringify(parserHash()),
		'import.meta': '__lecternMeta',
	},
	logLevel: 'warning',
};

// Which of our modules start.js holds, found by bundling it once. It holds the worker's side of the
// whole-book index too: a worker counting it loads start.js again (source/io/index-worker.ts).
const probeEntry = "import './source/start.ts'; import './source/io/index-count.ts';";
const probe = await build({...common, stdin: {contents: probeEntry, resolveDir: root, loader: 'ts', sourcefile: 'probe-entry.ts'}, metafile: true, plugins: [stubs]});
const shared = Object.keys(probe.metafile.inputs).filter((input) => input.startsWith('source/'));
const REGISTRY = '__lecternModules';
const startEntry = [
	...shared.map((input, i) => `import * as m${i} from './${input}';`),
	`globalThis.${REGISTRY} = {${shared.map((input, i) => `${JSON.stringify(input)}: m${i}`).join(', ')}};`,
	"import {quickFirstPage} from './source/start.ts';",
	'quickFirstPage();',
].join('\n');
const start = await build({...common, stdin: {contents: startEntry, resolveDir: root, loader: 'ts', sourcefile: 'start-entry.ts'}, plugins: [stubs]});

// reader.js: an import of a module start.js holds becomes a look-up in start.js's registry.
const sharedSet = new Set(shared);
const fromStart = {
	name: 'from-start',
	setup(build) {
		build.onResolve({filter: /^\.\.?\//}, async (args) => {
			if (args.pluginData === 'from-start' || !args.importer.startsWith(path.join(root, 'source'))) return undefined;
			const resolved = await build.resolve(args.path, {kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'from-start'});
			const input = path.relative(root, resolved.path).split(path.sep).join('/');
			return sharedSet.has(input) ? {path: input, namespace: 'from-start'} : undefined;
		});
		build.onLoad({filter: /.*/, namespace: 'from-start'}, (args) => ({contents: `module.exports = globalThis.${REGISTRY}[${JSON.stringify(args.path)}];`, loader: 'js'}));
	},
};
const reader = await build({...common, entryPoints: ['source/cli.tsx'], plugins: [stubs, dependencyPatches, fromStart]});

mkdirSync(outdir, {recursive: true});
const scripts = {'start.js': scriptSource(start.outputFiles[0].text), 'reader.js': scriptSource(reader.outputFiles[0].text)};
for (const [name, text] of Object.entries(scripts)) writeFileSync(path.join(outdir, name), text);
// The Node.js version check comes first (see nodeCheck above).
writeFileSync(path.join(outdir, 'lectern.js'), entrySource(scripts, nodeCheck), {mode: 0o755});
writeFileSync(path.join(outdir, 'package.json'), `${JSON.stringify({type: 'commonjs'}, undefined, '\t')}\n`);

// A hash of everything that decides what a parsed story looks like: the parsers, the story model,
// and the versions of the libraries they use.
function parserHash() {
	const hash = createHash('sha256');
	for (const dir of ['source/formats', 'source/core', 'source/io']) {
		for (const name of readdirSync(path.join(root, dir)).sort()) {
			if (name.endsWith('.ts') && !name.endsWith('.test.ts')) hash.update(name).update(readFileSync(path.join(root, dir, name)));
		}
	}
	hash.update(readFileSync(path.join(root, 'package-lock.json')));
	return hash.digest('hex').slice(0, 16);
}
