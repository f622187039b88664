import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {FLAGS, SHELLS, type Shell, completionScript, runCompletion} from './completion.js';
import {themeNames} from './core/themes.js';
import {LecternError} from './io/errors.js';
import {findStoriesDir, listBundled} from './io/stories.js';

const storiesDir = findStoriesDir();
const storyIds = listBundled(storiesDir).map((story) => story.id);

// The path of a shell, or undefined where it is not installed.
function which(shell: string): string | undefined {
	const found = spawnSync('sh', ['-c', `command -v ${shell}`], {encoding: 'utf8'});
	return found.status === 0 ? found.stdout.trim() : undefined;
}
const installed = Object.fromEntries(SHELLS.map((shell) => [shell, which(shell)])) as Record<Shell, string | undefined>;
// Named so that a run on a machine without the shell says why the test did not run.
const needs = (shell: Shell, name: string) => (installed[shell] ? name : `${name} (skipped: ${shell} is not installed here)`);

const work = mkdtempSync(path.join(tmpdir(), 'lectern-completion-'));
afterAll(() => rmSync(work, {recursive: true, force: true}));

// A folder to complete file names in: readable stories, a folder, and files Lectern does not read.
const folder = path.join(work, 'books');
mkdirSync(path.join(folder, 'shelf'), {recursive: true});
for (const name of ['story.txt', 'Notes.MD', 'work.epub', 'page.html', 'report.pdf', 'export.json']) writeFileSync(path.join(folder, name), '');

function scriptFile(shell: Shell, script = runCompletion(shell, storiesDir)): string {
	const file = path.join(work, `lectern.${shell}`);
	writeFileSync(file, script);
	return file;
}

// What bash's completion function offers for `line` (the cursor at its end), run in the books folder.
function bashComplete(line: string, script?: string): string[] {
	const file = scriptFile('bash', script);
	const words = line.split(' ');
	// bash breaks words at "=" as well as at spaces (COMP_WORDBREAKS).
	const split = words.flatMap((word) => word.split(/(=)/).filter((part, i, parts) => part !== '' || i === parts.length - 1));
	const program = `source ${JSON.stringify(file)}
COMP_WORDS=(${split.map((word) => `'${word.replaceAll("'", `'\\''`)}'`).join(' ')})
COMP_CWORD=${split.length - 1}
_lectern
printf '%s\\n' "\${COMPREPLY[@]}"`;
	const run = spawnSync(installed.bash!, ['--norc', '--noprofile', '-c', program], {cwd: folder, encoding: 'utf8'});
	expect(run.stderr).toBe('');
	return run.stdout.split('\n').filter(Boolean).sort();
}

// What fish offers for `line`, from its own completion engine.
function fishComplete(line: string): string[] {
	const file = scriptFile('fish');
	const run = spawnSync(installed.fish!, ['--no-config', '-c', `source ${JSON.stringify(file)}; complete -C ${JSON.stringify(line)}`], {cwd: folder, encoding: 'utf8'});
	expect(run.stderr).toBe('');
	return [...new Set(run.stdout.split('\n').filter(Boolean).map((row) => row.split('\t')[0]!))].sort();
}

describe('completion scripts', () => {
	it.each(SHELLS)('names every theme, every bundled story and every flag for %s', (shell) => {
		const script = runCompletion(shell, storiesDir);
		expect(storyIds.length).toBeGreaterThan(0);
		for (const word of [...themeNames(), ...storyIds, 'bookmarks', 'completion']) expect(script).toContain(word);
		for (const flag of FLAGS) expect(script).toContain(`${shell === 'fish' ? '-l ' : '--'}${flag.name}`);
	});

	it('refuses a shell it does not know, in one line', () => {
		expect(() => runCompletion('powershell', storiesDir)).toThrow(LecternError);
		expect(() => runCompletion(undefined, storiesDir)).toThrow(/give bash, zsh or fish/);
	});

	it.skipIf(!installed.bash)(needs('bash', 'writes a bash script that bash -n accepts'), () => {
		const run = spawnSync(installed.bash!, ['-n', scriptFile('bash')], {encoding: 'utf8'});
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
	});

	it.skipIf(!installed.zsh)(needs('zsh', 'writes a zsh script that zsh -n accepts'), () => {
		const run = spawnSync(installed.zsh!, ['-n', scriptFile('zsh')], {encoding: 'utf8'});
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
	});

	it.skipIf(!installed.fish)(needs('fish', 'writes a fish script that fish --no-execute accepts'), () => {
		const run = spawnSync(installed.fish!, ['--no-config', '--no-execute', scriptFile('fish')], {encoding: 'utf8'});
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
	});
});

describe.skipIf(!installed.bash)(needs('bash', 'bash completion'), () => {
	it('completes theme names after --theme, with a space or an equals sign', () => {
		expect(bashComplete('lectern --theme s')).toEqual(['sepia', 'solarized-dark', 'solarized-light']);
		expect(bashComplete('lectern --theme=n')).toEqual(['nord']);
		expect(bashComplete('lectern --theme=')).toEqual([...themeNames()].sort());
	});

	it('completes flags, and the values of flags that take a few words', () => {
		expect(bashComplete('lectern --sp')).toEqual(['--spacing']);
		expect(bashComplete('lectern --no-')).toEqual(['--no-hyphenate', '--no-justify']);
		expect(bashComplete('lectern --paragraphs ')).toEqual(['indented', 'spaced']);
		expect(bashComplete('lectern --width ')).toEqual([]);
	});

	it('offers subcommands, bundled stories, folders and readable files first, and nothing after a story', () => {
		expect(bashComplete('lectern ')).toEqual(['Notes.MD', 'bookmarks', 'completion', 'page.html', 'shelf', 'story.txt', 'work.epub', ...storyIds].sort());
		expect(bashComplete('lectern --theme nord --justify ')).toContain(storyIds[0]);
		expect(bashComplete(`lectern ${storyIds[0]} `)).toEqual([]);
	});

	it('offers shells after completion, stories after bookmarks, and any file after --export', () => {
		expect(bashComplete('lectern completion ')).toEqual(['bash', 'fish', 'zsh']);
		expect(bashComplete('lectern bookmarks --json ')).toContain(storyIds[0]);
		expect(bashComplete('lectern --export ')).toContain('report.pdf');
	});

	it('treats a story id as a word, never as code', () => {
		const hostile = ["it's", '$(touch pwned)', '`touch pwned`'];
		const script = completionScript('bash', {flags: FLAGS, themes: themeNames(), stories: hostile});
		expect(bashComplete('lectern i', script)).toEqual(["it's"]);
		expect(bashComplete('lectern $', script)).toEqual(['$(touch pwned)']);
		expect(existsSync(path.join(folder, 'pwned'))).toBe(false);
	});
});

describe.skipIf(!installed.fish)(needs('fish', 'fish completion'), () => {
	it('completes themes, flags, subcommands, stories and readable files', () => {
		expect(fishComplete('lectern --theme s')).toEqual(['sepia', 'solarized-dark', 'solarized-light']);
		expect(fishComplete('lectern --spa')).toEqual(['--spacing']);
		expect(fishComplete('lectern ')).toEqual(['Notes.MD', 'bookmarks', 'completion', 'page.html', 'shelf/', 'story.txt', 'work.epub', ...storyIds].sort());
		expect(fishComplete('lectern completion ')).toEqual(['bash', 'fish', 'zsh']);
		expect(fishComplete(`lectern --theme nord ${storyIds[0]} `)).toEqual([]);
	});
});
