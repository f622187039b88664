import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {readerSession, runPiped} from './lectern.js';

const session = readerSession();

// Every way a story could try to drive the terminal: CSI, OSC (title, clipboard, hyperlink),
// DCS, APC, PM, SOS, a bare ESC, C1 controls (raw and as UTF-8), BEL, BS, CR, DEL, and bidi overrides.
const HOSTILE = [
	'Plain opening words.',
	'Clear \u001B[2J\u001B[H screen and \u001B[31mred\u001B[0m.',
	'Title \u001B]0;pwned\u0007 and clipboard \u001B]52;c;ZXZpbA==\u0007 and link \u001B]8;;https://evil.example\u001B\\click\u001B]8;;\u001B\\.',
	'Device control \u001BPq#0;2;0;0;0\u001B\\ and APC \u001B_hidden\u001B\\ and PM \u001B^x\u001B\\ and SOS \u001BXy\u001B\\.',
	'Bare escape \u001B and a C1 CSI \u009B31m and C1 OSC \u009D0;title\u009C.',
	'Bell \u0007 backspace \u0008 carriage \r return and delete \u007F.',
	'Bidi \u202Eevil\u202C and isolate \u2066x\u2069 end.',
	'Unterminated OSC \u001B]0;never ends',
].join('\n\n');

// The escape sequences Lectern itself writes: CSI with numeric or private parameters only.
const OWN = /^\u001B\[[?0-9;]*[A-Za-z]$/;

function escapesIn(raw: string): string[] {
	return raw.match(/\u001B(?:\[[\x20-\x3F]*[\x40-\x7E]|[\s\S])/g) ?? [];
}

describe('hostile text', () => {
	it('lets only its own escape sequences reach the terminal, and shows the rest as harmless text', async () => {
		const dir = session.config();
		const file = path.join(dir, 'hostile.txt');
		writeFileSync(file, HOSTILE);
		const run = session.open([file], dir);
		await run.waitFor('Plain opening words.');
		await run.waitFor('Unterminated OSC');
		run.write('q');
		await run.waitForExit();
		const raw = run.raw();
		const foreign = escapesIn(raw).filter((sequence) => !OWN.test(sequence));
		expect(foreign).toEqual([]);
		expect(raw).not.toMatch(/[\u0080-\u009F\u0007\u0008\u007F\u202A-\u202E\u2066-\u2069]/);
		expect(raw).not.toContain('pwned\u0007');
		expect(run.screenText()).not.toContain('evil.example\u001B');
	});

	it('prints the hostile file without any escape at all when stdout is not a terminal', () => {
		const dir = session.config();
		const file = path.join(dir, 'hostile.txt');
		writeFileSync(file, HOSTILE);
		const result = runPiped([file], dir);
		expect(result.status).toBe(0);
		expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
		expect(result.stdout).toContain('Clear ␛[2J␛[H screen');
	});
});
