// Runs a program in a real pseudo-terminal and mirrors its output into a headless xterm, so tests and the
// benchmark can read the screen a user would see. Plain ESM JavaScript: used by vitest and by plain node.
import {performance} from 'node:perf_hooks';
import {spawn} from '@lydell/node-pty';
// @xterm/headless is CommonJS without named ESM exports: take Terminal off the default export.
import xtermHeadless from '@xterm/headless';
import unicode11 from '@xterm/addon-unicode11';

const {Terminal} = xtermHeadless;
const {Unicode11Addon} = unicode11;

const HIDE_CURSOR = '\u001B[?25l';
const SHOW_CURSOR = '\u001B[?25h';

// The child's environment: ours, then the overrides, without the variables that make Ink draw nothing.
function childEnv(overrides = {}) {
	const env = {...process.env, ...overrides};
	// Ink (via is-in-ci) renders only the last frame, at exit, when either of these is set.
	delete env.CI;
	delete env.CONTINUOUS_INTEGRATION;
	if (!overrides.TERM) env.TERM = 'xterm-256color';
	/** @type {Record<string, string>} */
	const clean = {};
	for (const [key, value] of Object.entries(env)) if (value !== undefined) clean[key] = value;
	return clean;
}

/** Spawns `command args` in a pty of cols×rows whose output is parsed by a headless xterm of the same size. */
export function spawnPty(command, args, options = {}) {
	const cols = options.cols ?? 100;
	const rows = options.rows ?? 30;
	const env = childEnv(options.env);
	const terminal = new Terminal({cols, rows, allowProposedApi: true, scrollback: 0});
	// Unicode 11 widths, as VTE and xterm use: emoji two cells, each part of a sequence its own width.
	terminal.loadAddon(new Unicode11Addon());
	terminal.unicode.activeVersion = '11';
	const startedAt = performance.now();
	const child = spawn(command, args, {name: env.TERM, cols, rows, cwd: options.cwd ?? process.cwd(), env});

	let raw = '';
	let exit; // {exitCode, signal} once the child has exited and its output has been drained
	let disposed = false;
	const waiters = new Set(); // {check(at), onExit(), cancel(error)}: pending waitFor / waitForExit calls

	const screen = () => {
		const buffer = terminal.buffer.active;
		const lines = [];
		for (let y = 0; y < terminal.rows; y++) lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
		return lines;
	};

	// Answer the child's terminal queries (cursor position, device attributes) the way a real terminal would.
	terminal.onData(data => {
		if (!exit && !disposed) child.write(data);
	});

	child.onData(data => {
		const arrivedAt = performance.now();
		raw += data;
		if (disposed) return;
		// xterm parses asynchronously; the callback runs once this chunk is on the screen.
		terminal.write(data, () => {
			for (const waiter of [...waiters]) waiter.check(arrivedAt);
		});
	});

	child.onExit(({exitCode, signal}) => {
		// node-pty reports exit only after the pty is drained; let xterm parse what is still queued.
		const done = () => {
			exit = signal ? {exitCode, signal} : {exitCode};
			for (const waiter of [...waiters]) waiter.onExit();
		};
		if (disposed) done();
		else terminal.write('', done);
	});

	const describe = () => {
		const tail = raw.slice(-400);
		const unfinished = terminal.modes.synchronizedOutputMode ? ', inside an unfinished synchronized-output frame' : '';
		return `--- screen (${terminal.cols}x${terminal.rows}${unfinished}) ---\n${screen().join('\n')}\n--- end of screen ---\nraw tail: ${JSON.stringify(tail)}`;
	};

	const toPredicate = predicate => {
		if (typeof predicate === 'function') return predicate;
		if (typeof predicate === 'string') return lines => lines.join('\n').includes(predicate);
		return lines => {
			predicate.lastIndex = 0;
			return predicate.test(lines.join('\n'));
		};
	};

	// Each visible cell as text: its character, colours (mode and value) and attributes, so that
	// two screens can be compared for what a person sees, whatever bytes drew them.
	const cells = () => {
		const buffer = terminal.buffer.active;
		const rows = [];
		for (let y = 0; y < terminal.rows; y++) {
			const line = buffer.getLine(buffer.viewportY + y);
			const row = [];
			for (let x = 0; x < terminal.cols; x++) {
				const cell = line?.getCell(x);
				if (!cell) {
					row.push(' ');
					continue;
				}
				const fg = cell.isFgDefault() ? '' : `${cell.getFgColorMode()}:${cell.getFgColor()}`;
				const bg = cell.isBgDefault() ? '' : `${cell.getBgColorMode()}:${cell.getBgColor()}`;
				const flags = ['isBold', 'isDim', 'isItalic', 'isUnderline', 'isInverse'].filter(flag => cell[flag]()).map(flag => flag.slice(2, 4)).join('');
				row.push(`${cell.getChars() || ' '}${fg || bg || flags ? `[${fg}/${bg}/${flags}]` : ''}`);
			}
			rows.push(row);
		}
		return rows;
	};

	return {
		pid: child.pid,
		startedAt,
		screen,
		cells,
		screenText: () => screen().join('\n'),
		raw: () => raw,
		write(data) {
			if (!exit && !disposed) child.write(data);
		},
		resize(newCols, newRows) {
			terminal.resize(newCols, newRows);
			try {
				child.resize(newCols, newRows);
			} catch {
				// The child has exited and the pty is closed: only the screen is resized.
			}
		},
		waitFor(predicate, timeoutMs = 5000) {
			const matches = toPredicate(predicate);
			const label = typeof predicate === 'function' ? predicate.name || 'predicate' : String(predicate);
			return new Promise((resolve, reject) => {
				const waiter = {
					check(at) {
						// A frame inside synchronized output (DEC 2026) is half drawn: judge it when it is complete.
						if (terminal.modes.synchronizedOutputMode && !exit) return;
						let matched;
						try {
							matched = matches(screen());
						} catch (error) {
							finish(() => reject(error));
							return;
						}
						if (matched) finish(() => resolve(at));
					},
					onExit() {
						waiter.check(performance.now());
						if (waiters.has(waiter)) {
							finish(() => reject(new Error(`waitFor(${label}): the process exited (${JSON.stringify(exit)}) without the screen matching\n${describe()}`)));
						}
					},
					cancel: error => finish(() => reject(error)),
				};
				const timer = setTimeout(() => {
					finish(() => reject(new Error(`waitFor(${label}) timed out after ${timeoutMs} ms\n${describe()}`)));
				}, timeoutMs);
				const finish = settle => {
					clearTimeout(timer);
					waiters.delete(waiter);
					settle();
				};
				waiters.add(waiter);
				if (exit) waiter.onExit();
				else waiter.check(performance.now());
			});
		},
		waitForExit(timeoutMs = 5000) {
			return new Promise((resolve, reject) => {
				if (exit) return resolve(exit);
				const waiter = {
					check() {},
					onExit() {
						clearTimeout(timer);
						waiters.delete(waiter);
						resolve(exit);
					},
					cancel(error) {
						clearTimeout(timer);
						waiters.delete(waiter);
						reject(error);
					},
				};
				const timer = setTimeout(() => {
					waiters.delete(waiter);
					reject(new Error(`waitForExit timed out after ${timeoutMs} ms\n${describe()}`));
				}, timeoutMs);
				waiters.add(waiter);
			});
		},
		kill(signal) {
			try {
				if (!exit) child.kill(signal);
			} catch {
				// Exited just now: nothing to kill.
			}
		},
		isAlternateScreen: () => terminal.buffer.active.type === 'alternate',
		isCursorHidden: () => raw.lastIndexOf(HIDE_CURSOR) > raw.lastIndexOf(SHOW_CURSOR),
		hasExited: () => exit !== undefined,
		dispose() {
			if (disposed) return;
			for (const waiter of [...waiters]) waiter.cancel(new Error(`disposed while waiting\n${describe()}`));
			disposed = true;
			if (!exit) {
				try {
					child.kill();
				} catch {
					// Already gone.
				}
			}
			terminal.dispose();
		},
	};
}
