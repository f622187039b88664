import {describe, expect, it} from 'vitest';
import {CHARS_PER_CHECK, sliceClock} from './slice-clock.js';

describe('sliceClock', () => {
	it('reads the clock once every few thousand characters of work, and tells when the deadline has passed', () => {
		let reads = 0;
		let time = 0;
		const spend = sliceClock(3, () => {
			reads++;
			return time;
		});
		expect(spend(CHARS_PER_CHECK / 2)).toBe(false);
		expect(reads).toBe(0);
		expect(spend(CHARS_PER_CHECK / 2)).toBe(false);
		expect(reads).toBe(1);
		time = 3;
		expect(spend(10)).toBe(false);
		expect(spend(CHARS_PER_CHECK)).toBe(true);
		expect(reads).toBe(2);
	});

	it('counts a block with no characters as work too', () => {
		const spend = sliceClock(0, () => 1);
		let blocks = 1;
		while (!spend(0)) blocks++;
		expect(blocks).toBeLessThan(CHARS_PER_CHECK);
	});
});
