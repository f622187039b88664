import {afterEach, describe, expect, it} from 'vitest';
import {spawnPty, type PtyRun} from '../scripts/pty-harness.mjs';

const node = process.execPath;
const runs: PtyRun[] = [];

// Spawns `node -e script` in the harness and disposes it after the test.
function runNode(script: string, options?: Parameters<typeof spawnPty>[2]): PtyRun {
	const run = spawnPty(node, ['-e', script], options);
	runs.push(run);
	return run;
}

afterEach(() => {
	for (const run of runs.splice(0)) run.dispose();
});

describe('spawnPty', () => {
	it('mirrors the alternate screen, cursor visibility and exit code', async () => {
		const run = runNode(
			"process.stdout.write('\\x1b[?1049h\\x1b[?25lhello');" +
				"setTimeout(() => { process.stdout.write('\\x1b[?25h\\x1b[?1049l'); process.exit(3); }, 300);",
		);
		const at = await run.waitFor('hello');
		expect(at).toBeGreaterThanOrEqual(run.startedAt);
		expect(run.screen()).toHaveLength(30);
		expect(run.screen()[0]).toBe('hello');
		expect(run.isAlternateScreen()).toBe(true);
		expect(run.isCursorHidden()).toBe(true);

		await expect(run.waitForExit()).resolves.toEqual({exitCode: 3});
		expect(run.hasExited()).toBe(true);
		expect(run.isAlternateScreen()).toBe(false);
		expect(run.isCursorHidden()).toBe(false);
		expect(run.screenText()).not.toContain('hello');
		expect(run.raw()).toContain('hello');
	});

	it('keeps answering waitFor on the final screen after the child exited', async () => {
		const run = runNode("console.log('first line'); console.log('second line');", {cols: 40, rows: 5});
		await run.waitForExit();
		expect(run.screen()).toHaveLength(5);
		await expect(run.waitFor(/second line/)).resolves.toBeTypeOf('number');
		await expect(run.waitFor(screen => screen[0] === 'first line')).resolves.toBeTypeOf('number');
		// A screen that can no longer change is reported at once, not after the timeout.
		const started = performance.now();
		await expect(run.waitFor('third line', 4000)).rejects.toThrow(/exited[\s\S]*first line/);
		expect(performance.now() - started).toBeLessThan(1000);
	});

	it('resizes the pty so the child sees the new size', async () => {
		const run = runNode(
			"const show = () => process.stdout.write(`size ${process.stdout.columns}x${process.stdout.rows}\\r\\n`);" +
				"show(); process.stdout.on('resize', show); process.stdin.resume();",
			{cols: 100, rows: 30},
		);
		await run.waitFor('size 100x30');
		run.resize(60, 20);
		await run.waitFor('size 60x20');
		expect(run.screen()).toHaveLength(20);
		run.resize(100, 30);
		await run.waitFor('size 100x30\nsize 60x20\nsize 100x30');
	});

	it('types input into the child', async () => {
		const run = runNode(
			"process.stdin.setRawMode(true); process.stdin.on('data', d => { process.stdout.write('got ' + JSON.stringify(String(d))); if (String(d) === 'q') process.exit(0); });" +
				"process.stdout.write('ready');",
		);
		await run.waitFor('ready');
		run.write(' ');
		await run.waitFor('got " "');
		run.write('q');
		await expect(run.waitForExit()).resolves.toEqual({exitCode: 0});
	});

	it('judges a synchronized-output frame only once it is complete', async () => {
		const run = runNode(
			"process.stdout.write('\x1b[?2026hhalf');" +
				"setTimeout(() => process.stdout.write(' and whole\x1b[?2026l'), 200); setTimeout(() => {}, 10_000);",
		);
		await run.waitFor('half');
		expect(run.screen()[0]).toBe('half and whole');
	});

	it('rejects on timeout with the screen in the message', async () => {
		const run = runNode("process.stdout.write('the visible words'); setTimeout(() => {}, 10_000);");
		await run.waitFor('visible');
		const error: unknown = await run.waitFor('never shown', 200).catch((error_: unknown) => error_);
		expect(error).toBeInstanceOf(Error);
		const {message} = error as Error;
		expect(message).toMatch(/timed out after 200 ms/);
		expect(message).toContain('the visible words');
		expect(message).toContain('raw tail');
	});

	it('removes CI from the child environment and sets TERM', async () => {
		const saved = {CI: process.env.CI, CONTINUOUS_INTEGRATION: process.env.CONTINUOUS_INTEGRATION};
		process.env.CI = 'true';
		process.env.CONTINUOUS_INTEGRATION = 'true';
		try {
			const script =
				"process.stdout.write(JSON.stringify({CI: process.env.CI ?? null, CONT: process.env.CONTINUOUS_INTEGRATION ?? null, TERM: process.env.TERM, EXTRA: process.env.LECTERN_EXTRA ?? null}) + ' end');";
			const run = runNode(script, {env: {CI: '1', LECTERN_EXTRA: 'yes'}});
			await run.waitFor('end');
			expect(JSON.parse(run.screenText().replace(/ end[\s\S]*$/, '').replaceAll('\n', ''))).toEqual({
				CI: null,
				CONT: null,
				TERM: 'xterm-256color',
				EXTRA: 'yes',
			});
			const withTerm = runNode("process.stdout.write('TERM=' + process.env.TERM + ' end');", {env: {TERM: 'xterm'}});
			await withTerm.waitFor('TERM=xterm end');
		} finally {
			for (const [key, value] of Object.entries(saved)) {
				if (value === undefined) delete process.env[key];
				else process.env[key] = value;
			}
		}
	});

	it('kills a running child on dispose', async () => {
		const run = runNode("process.stdout.write('running'); setInterval(() => {}, 1000);");
		await run.waitFor('running');
		const exited = run.waitForExit(3000);
		run.dispose();
		await expect(exited).rejects.toThrow(/disposed/);
		// The process is gone shortly after (signal 0 only checks for existence).
		await expect
			.poll(() => {
				try {
					process.kill(run.pid, 0);
					return 'alive';
				} catch {
					return 'gone';
				}
			})
			.toBe('gone');
	});
});
