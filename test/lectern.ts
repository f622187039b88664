/** Shared helpers for end-to-end tests: run the built reader in a pseudo-terminal or a pipe. */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach} from 'vitest';
import {type PtyRun, spawnPty} from '../scripts/pty-harness.mjs';

/** The repository root. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The built bundle that `npm test` builds before the tests run. */
export const bundle = path.join(root, 'dist', 'lectern.js');

/** A fresh config folder; `remove` deletes it. */
export function tempConfig(): {dir: string; remove: () => void} {
	const dir = mkdtempSync(path.join(tmpdir(), 'lectern-e2e-'));
	// A reader killed at the end of a test may still be saving: retry instead of failing the test.
	return {dir, remove: () => rmSync(dir, {recursive: true, force: true, maxRetries: 10, retryDelay: 50})};
}

/** Starts the reader full-screen in a pseudo-terminal, with its config in `config`. */
export function startReader(args: string[], config: string, size: {cols?: number; rows?: number} = {}): PtyRun {
	return spawnPty(process.execPath, [bundle, ...args], {cols: size.cols ?? 100, rows: size.rows ?? 30, env: {XDG_CONFIG_HOME: config, NO_COLOR: undefined}});
}

/** Runs the reader with stdout and stderr piped, as a script or `lectern x | less` would. */
export function runPiped(args: string[], config: string) {
	return spawnSync(process.execPath, [bundle, ...args], {
		encoding: 'utf8',
		env: {...process.env, XDG_CONFIG_HOME: config, CI: undefined},
		timeout: 15_000,
	});
}

/** The page's body rows: everything above the status line, trimmed, blank rows dropped. */
export function bodyRows(screen: string[]): string[] {
	return screen
		.slice(0, -1)
		.map((row) => row.trim())
		.filter(Boolean);
}

/** The status line: the last non-empty row. */
export function statusRow(screen: string[]): string {
	return [...screen].reverse().find((row) => row.trim() !== '')?.trim() ?? '';
}

/** The words of a piece of text, so text wrapped to different widths can be compared. */
export function wordsOf(text: string): string[] {
	return text.split(/\s+/).filter(Boolean);
}

/** A screen predicate: the status line matches `pattern`. */
export const status =
	(pattern: RegExp) =>
	(screen: string[]): boolean =>
		pattern.test(statusRow(screen));

/**
 * Readers and config folders for one test file: each test's readers are stopped (and awaited, so
 * they are done saving) and its folders removed after it.
 */
export function readerSession() {
	const runs: PtyRun[] = [];
	const cleanups: Array<() => void> = [];
	afterEach(async () => {
		for (const run of runs.splice(0)) {
			if (!run.hasExited()) {
				run.kill('SIGTERM');
				await run.waitForExit(3000).catch(() => undefined);
			}
			run.dispose();
		}
		for (const cleanup of cleanups.splice(0)) cleanup();
	});
	const config = (): string => {
		const made = tempConfig();
		cleanups.push(made.remove);
		return made.dir;
	};
	const track = (run: PtyRun): PtyRun => {
		runs.push(run);
		return run;
	};
	return {
		config,
		track,
		/** Starts the reader in a pseudo-terminal; the config folder is a fresh one unless given. */
		open: (args: string[], dir: string = config(), size?: {cols?: number; rows?: number}) => track(startReader(args, dir, size)),
	};
}
