// Types for pty-harness.mjs, so TypeScript tests can import it.

/** Options for spawnPty: terminal size, environment overrides (undefined removes a variable) and working directory. */
export type SpawnPtyOptions = {
	/** Columns of the pty and of the headless terminal (default 100). */
	cols?: number;
	/** Rows of the pty and of the headless terminal (default 30). */
	rows?: number;
	/** Applied over process.env; CI and CONTINUOUS_INTEGRATION are always removed; TERM defaults to xterm-256color. */
	env?: Record<string, string | undefined>;
	/** Working directory of the child (default process.cwd()). */
	cwd?: string;
};

/** How the child ended. */
export type PtyExit = {exitCode: number; signal?: number};

/** What waitFor accepts: a substring of the screen text, a pattern for it, or a test on the rows. */
export type ScreenPredicate = string | RegExp | ((screen: string[]) => boolean);

/** A program running in a pty, with its output mirrored into a headless xterm. */
export type PtyRun = {
	/** Process id of the child (the spawned program itself, not a shell). */
	readonly pid: number;
	/** performance.now() just before the child was spawned. */
	readonly startedAt: number;
	/** The visible rows of the active buffer, right-trimmed, exactly `rows` entries. */
	screen(): string[];
	/** Every visible cell: its character, then its colours and attributes in brackets when it has any. */
	cells(): string[][];
	/** The visible rows joined by '\n'. */
	screenText(): string;
	/** Everything the child has written so far. */
	raw(): string;
	/** Sends input to the child as if typed. */
	write(data: string): void;
	/** Resizes the pty (the child gets SIGWINCH) and the headless terminal. */
	resize(cols: number, rows: number): void;
	/**
	 * Resolves with the performance.now() time at which the output that made the screen match arrived
	 * (or the call time, if it matches already). Frames inside synchronized output are judged once complete.
	 * Rejects, showing the screen and the raw tail, on timeout or if the child exits without a match.
	 */
	waitFor(predicate: ScreenPredicate, timeoutMs?: number): Promise<number>;
	/** Resolves once the child has exited and all its output has been parsed. */
	waitForExit(timeoutMs?: number): Promise<PtyExit>;
	/** Sends a signal to the child (default SIGHUP), if it is still running. */
	kill(signal?: string): void;
	/** Whether the terminal shows the alternate screen. */
	isAlternateScreen(): boolean;
	/** Whether the child's last cursor-visibility sequence hid the cursor. */
	isCursorHidden(): boolean;
	/** Whether the child has exited and its output has been parsed. */
	hasExited(): boolean;
	/** Kills the child if it is alive, rejects pending waits and disposes the terminal. */
	dispose(): void;
};

/** Spawns `command args` in a pty of cols×rows whose output is parsed by a headless xterm of the same size. */
export function spawnPty(command: string, args: string[], options?: SpawnPtyOptions): PtyRun;
