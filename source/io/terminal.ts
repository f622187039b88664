/**
 * The terminal's state while the reader runs: the alternate screen, a hidden cursor and raw
 * input, and one `restore` that puts everything back on every kind of exit.
 */
import {openSync} from 'node:fs';
import tty from 'node:tty';
import {LecternError} from './errors.js';

const ENTER = '\u001B[?1049h\u001B[?25l';
const LEAVE = '\u001B[?25h\u001B[?1049l';

/** A full-screen session: `restore` is idempotent and safe to call from any exit path. */
export type Fullscreen = {
	readonly stdin: NodeJS.ReadStream;
	restore(): void;
};

/**
 * Switches to the alternate screen. When stdin is not a terminal (`cat x | lectern story`), keys
 * are read from the controlling terminal instead, as `less` does.
 */
export function enterFullscreen(stdout: NodeJS.WriteStream, stdin: NodeJS.ReadStream): Fullscreen {
	const input = stdin.isTTY ? stdin : openControllingTerminal();
	stdout.write(ENTER);
	let restored = false;
	return {
		stdin: input,
		restore() {
			if (restored) return;
			restored = true;
			try {
				if (input.isTTY) input.setRawMode(false);
			} catch {
				// The terminal may already be gone (SIGHUP); there is nothing left to restore then.
			}
			stdout.write(LEAVE);
		},
	};
}

function openControllingTerminal(): NodeJS.ReadStream {
	let fd: number;
	try {
		fd = openSync('/dev/tty', 'r');
	} catch {
		throw new LecternError('No terminal to read keys from (stdin is not a terminal). To print the story, pipe it: lectern STORY | cat');
	}
	return new tty.ReadStream(fd) as unknown as NodeJS.ReadStream;
}

/** Exit codes for the signals the reader handles: 128 plus the signal number. */
export const SIGNAL_EXIT_CODES = {SIGHUP: 129, SIGINT: 130, SIGTERM: 143} as const;

// The Linux console and the old DEC terminals have no italics: emphasis is underlined there instead.
export function italicFallbackFor(term: string | undefined): 'underline' | 'none' {
	return term !== undefined && /^(?:linux|vt1\d\d|vt2\d\d|cons25|ansi)$/.test(term) ? 'underline' : 'none';
}
