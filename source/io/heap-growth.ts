/**
 * How far V8 lets the heap grow between full collections. By its own rule, up to four times what
 * was live after the last one: after a long book's first opening (its parse collected, the book
 * kept), page turns and resizes piled their garbage up to that limit. War and Peace, opened for the
 * first time, rested at 101-113 MB after 150 page turns and 31 resizes, 7 s idle (87 once, in eight
 * reads). The entry (scripts/code-cache.mjs) lets it grow by half of what was live instead,
 * HEAP_GROWING_PERCENT, and sets that before the scripts are compiled (V8 keys its code caches to
 * its flags): 90-97 MB in the same reads. Reopened from the story cache, the book rests at 72-76 MB
 * either way. A parse makes its garbage faster than a reader ever does, and with collections that
 * often War and Peace took a tenth longer to open (437 ms against 400): a parse runs under V8's own
 * rule, and opens as fast as before.
 */
import v8 from 'node:v8';

/** The growth the entry sets: 50, half of what was live. */
export const HEAP_GROWING_PERCENT = 50;

/** Runs `work` (a parse) with V8's own heap growth, and sets the entry's back after it. */
export function withOwnHeapGrowth<T>(work: () => T): T {
	// 0 is V8's default: its own rule.
	v8.setFlagsFromString('--heap-growing-percent=0');
	try {
		return work();
	} finally {
		v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
	}
}
