/** `lectern --help` against the README's options table, the flags the CLI accepts and completion. */
import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {sectionOf} from '../scripts/readme-sections.js';
import {FLAGS, SUBCOMMANDS} from '../source/completion.js';
import {HELP_SECTIONS, helpRows} from '../source/core/keymap.js';
import {themeNames} from '../source/core/themes.js';
import {bundle, root} from './lectern.js';

const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const flagsIn = (text: string) => [...new Set(text.match(/--[a-z][a-z-]*/g) ?? [])].sort();

let help = '';
beforeAll(() => {
	if (!existsSync(bundle)) throw new Error('dist/lectern.js is missing: run "npm run build" (npm test does it).');
	const run = spawnSync(process.execPath, [bundle, '--help'], {encoding: 'utf8', env: {...process.env, CI: undefined}, timeout: 15_000});
	expect(run.status).toBe(0);
	expect(run.stderr).toBe('');
	help = run.stdout;
});

// The lines of one section of --help: from its heading to the next unindented heading.
function helpSection(name: string): string {
	const lines = help.split('\n');
	const start = lines.findIndex((line) => line.trim() === name);
	expect(start, `--help has a "${name}" section`).toBeGreaterThan(-1);
	const rest = lines.slice(start + 1);
	const end = rest.findIndex((line) => /^ {2}\S/.test(line));
	return rest.slice(0, end === -1 ? undefined : end).join('\n');
}

describe('lectern --help', () => {
	it('documents exactly the options of the README, and the README exactly those of --help', () => {
		const table = sectionOf(readme, 'options');
		expect(table, 'README.md has an options table between <!-- options:start --> and <!-- options:end -->').toBeDefined();
		const documented = flagsIn(
			table!
				.split('\n')
				.filter((row) => row.startsWith('| `'))
				.map((row) => row.split(' | ')[0])
				.join(' '),
		);
		expect(documented.length).toBeGreaterThan(10);
		expect(flagsIn(helpSection('Options'))).toEqual(documented);
	});

	it('documents every flag the CLI accepts', () => {
		// The flags meow is given in cli.tsx, read from its source; each must be in --help.
		const source = readFileSync(path.join(root, 'source', 'cli.tsx'), 'utf8');
		const block = /\bflags: \{\n([\s\S]*?)\n\t\t\},/.exec(source)?.[1] ?? '';
		const accepted = [...block.matchAll(/^\t{3}(\w+): \{/gm)].map((match) => `--${match[1]!.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
		expect(accepted.length).toBeGreaterThan(5);
		const options = flagsIn(helpSection('Options'));
		for (const flag of accepted) expect(options, `${flag} is accepted but not in --help`).toContain(flag);
	});

	it('names every subcommand, every theme and every reading key', () => {
		const usage = helpSection('Usage');
		for (const [name] of SUBCOMMANDS) expect(usage, `--help's Usage should show "lectern ${name}"`).toContain(`lectern ${name}`);
		for (const theme of themeNames()) expect(help).toContain(theme);
		for (const row of [...helpRows('reader'), ...helpRows('global')]) expect(help).toContain(row.help);
		expect(HELP_SECTIONS.map(([context]) => context)).toContain('reader');
	});

	it('offers in shell completion exactly the options it documents', () => {
		expect(FLAGS.map((flag) => `--${flag.name}`).sort()).toEqual(flagsIn(helpSection('Options')));
	});
});
