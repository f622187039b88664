import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {bodyRows, readerSession, runPiped, status} from './lectern.js';

const session = readerSession();

// Text whose width a terminal and a naive program disagree on: CJK, emoji with ZWJ sequences and
// skin tones, flags, combining marks, zero-width characters, no-break spaces and tabs.
const WIDE = [
	'日本語の文章は空白なしで続きますが、行の終わりでちゃんと折り返されなければなりません。漢字とひらがなが混ざっています。',
	'Family 👩‍👩‍👧‍👦 and a wave 👋🏽 and flags 🇯🇵🇫🇷🇧🇷 share a line with café, naïve and Zoë (e\u0301 combined).',
	'No-break\u00A0spaces\u00A0keep\u00A0these\u00A0words\u00A0together, zero\u200Bwidth joiners hide, and\ttabs\tbecome\tspaces.',
	'한국어 문장도 있습니다. 中文句子也在这里，标点符号也要算宽度。Ｆｕｌｌｗｉｄｔｈ letters too.',
].join('\n\n');

describe('wide text in a real terminal emulator', () => {
	it.each([60, 37, 24])('draws exactly the rows the layout intends at %i columns, none wider than the terminal', async (cols) => {
		const dir = session.config();
		const file = path.join(dir, 'wide.txt');
		writeFileSync(file, WIDE);
		const printed = runPiped([file, '--width', String(cols)], dir).stdout.split('\n').filter((line) => line.trim() !== '');
		const run = session.open([file], dir, {cols, rows: 40});
		await run.waitFor(status(/%$/));
		const shown = bodyRows(run.screen());
		expect(shown).toEqual(printed.map((line) => line.trim()));
	});
});
