import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {repoRoot} from '../formats/testkit.js';
import {HEAP_GROWING_PERCENT, withOwnHeapGrowth} from './heap-growth.js';

describe('heap growth', () => {
	it('is the one the built entry sets before it compiles the scripts (npm test builds it first)', () => {
		const entry = readFileSync(path.join(repoRoot, 'dist', 'lectern.js'), 'utf8');
		const set = [...entry.matchAll(/--heap-growing-percent=(\d+)/g)].map((match) => Number(match[1]));
		expect(set).toEqual([HEAP_GROWING_PERCENT]);
	});

	it('gives back what the work returns, and passes on what it throws', () => {
		expect(withOwnHeapGrowth(() => 42)).toBe(42);
		expect(() =>
			withOwnHeapGrowth(() => {
				throw new Error('unreadable');
			}),
		).toThrow('unreadable');
	});
});
