// `npm run docs`: rewrites the README's generated sections (the keys, from the keymap; the theme
// names) from the code. `--check` changes nothing and exits 1 when the README is out of date.
// The sections are written by scripts/readme-sections.ts, bundled here in memory by esbuild so
// that plain Node can run the TypeScript keymap.
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {build} from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readmeFile = path.join(root, 'README.md');

// Bundled to a temporary file rather than a data: URL, so that an error's stack names real lines.
const work = mkdtempSync(path.join(tmpdir(), 'lectern-docs-'));
let sectionsModule;
try {
	const outfile = path.join(work, 'readme-sections.mjs');
	await build({entryPoints: [path.join(root, 'scripts', 'readme-sections.ts')], outfile, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning'});
	sectionsModule = await import(pathToFileURL(outfile).href);
} finally {
	rmSync(work, {recursive: true, force: true});
}
const {fillSections, generatedSections} = sectionsModule;

const readme = readFileSync(readmeFile, 'utf8');
const sections = generatedSections();
const updated = fillSections(readme, sections);
const names = Object.keys(sections).join(', ');
if (updated === readme) {
	process.stdout.write(`README.md: ${names} up to date\n`);
} else if (process.argv.includes('--check')) {
	process.stderr.write(`README.md: ${names} out of date with the code; run "npm run docs"\n`);
	process.exit(1);
} else {
	writeFileSync(readmeFile, updated);
	process.stdout.write(`README.md: rewrote ${names}\n`);
}
