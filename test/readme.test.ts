import {existsSync, readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {fillSections, generatedSections, kbd, sectionOf} from '../scripts/readme-sections.js';
import {HELP_SECTIONS, KEYMAP, helpRows, keyLabel} from '../source/core/keymap.js';
import {themeNames} from '../source/core/themes.js';
import {root} from './lectern.js';

const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {scripts: Record<string, string>}).scripts;

// GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens.
const slug = (heading: string) =>
	heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s-]/gu, '')
		.replace(/\s/g, '-');

describe('the README', () => {
	it('has the keys and themes that "npm run docs" writes from the code', () => {
		const expected = fillSections(readme, generatedSections());
		// On failure: run "npm run docs" and commit README.md.
		expect(readme, 'README.md is out of date with the keymap or the themes: run "npm run docs"').toBe(expected);
	});

	it('lists every key of every screen with the help text the ? screen shows', () => {
		const keys = sectionOf(readme, 'keys') ?? '';
		for (const [context, title] of HELP_SECTIONS) {
			expect(keys).toContain(`**${title}**`);
			const rows = helpRows(context);
			const bindings = KEYMAP.filter((binding) => binding.context === context);
			expect(rows).toHaveLength(bindings.length);
			bindings.forEach((binding, i) => {
				expect(rows[i]!.keys).toBe(binding.keys.map(keyLabel).join(' '));
				expect(keys).toContain(`| ${binding.keys.map((key) => kbd(keyLabel(key))).join(' ')} | ${rows[i]!.help.replaceAll('|', '\\|')} |`);
			});
		}
	});

	it('names every theme', () => {
		const themes = sectionOf(readme, 'themes') ?? '';
		for (const name of themeNames()) expect(themes).toContain(`\`${name}\``);
	});

	it('shows pictures that exist in docs/, are SVGs drawn from a terminal, and have alt text', () => {
		const pictures = [...readme.matchAll(/!\[([^\]]*)\]\(([^)]+)\)/g)].map((match) => ({alt: match[1]!, file: match[2]!}));
		expect(pictures.length).toBeGreaterThanOrEqual(5);
		const svgs = readdirSync(path.join(root, 'docs')).filter((name) => name.endsWith('.svg'));
		for (const {alt, file} of pictures) {
			expect(alt.trim().length, `${file} needs alt text`).toBeGreaterThan(10);
			expect(file).toMatch(/^docs\/[\w-]+\.svg$/);
			const svg = readFileSync(path.join(root, file), 'utf8');
			expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
			expect(svg).toMatch(/<title id="title">[^<]{20,}<\/title>/);
		}
		// Every picture "npm run screenshots" draws is shown.
		expect(svgs.map((name) => `docs/${name}`).sort()).toEqual([...new Set(pictures.map((picture) => picture.file))].sort());
	});

	it('links only to files and headings that exist', () => {
		const headings = new Set([...readme.matchAll(/^#{1,6} (.+)$/gm)].map((match) => slug(match[1]!)));
		for (const [, target] of readme.matchAll(/\]\(([^)\s]+)\)/g)) {
			if (/^https?:/.test(target!)) continue;
			if (target!.startsWith('#')) expect(headings, `anchor ${target}`).toContain(target!.slice(1));
			else expect(readdirSync(path.join(root, path.dirname(target!))), `link ${target}`).toContain(path.basename(target!));
		}
	});

	it('mentions the code cache exactly when the build makes one', () => {
		expect(readme.includes('LECTERN_CODE_CACHE')).toBe(existsSync(path.join(root, 'scripts', 'code-cache.mjs')));
	});

	it('gives the two commands to start and to test, and every npm script it names exists', () => {
		expect(readme).toContain('npm ci && npm start -- buffy-angel-untitled');
		expect(readme).toContain('npm test');
		for (const [, name] of readme.matchAll(/npm run ([\w:-]+)/g)) expect(Object.keys(scripts), `npm run ${name}`).toContain(name);
	});
});
