import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {sanitize} from './sanitize.js';

describe('sanitize', () => {
	it('shows ESC and other C0 controls as control pictures, keeping newline and tab', () => {
		expect(sanitize('a\u001B[2Jb\u0007\n\tc\u0000')).toBe('a\u241B[2Jb\u2407\n\tc\u2400');
	});

	it('replaces C1 controls, DEL and bidirectional overrides', () => {
		expect(sanitize('x\u009B31m\u007F\u202Eevil\u2066')).toBe('x\uFFFD31m\u2421\uFFFDevil\uFFFD');
	});

	it('leaves ordinary text alone, including emoji and CJK', () => {
		const text = 'Café “quoted” — 日本語 👩‍👩‍👧';
		expect(sanitize(text)).toBe(text);
	});

	it('never lets a control character through and never changes the length', () => {
		fc.assert(
			fc.property(fc.string({unit: 'binary', maxLength: 200}), (text) => {
				const clean = sanitize(text);
				expect(clean).toHaveLength(text.length);
				expect(clean).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
			}),
			{numRuns: 500},
		);
	});
});
