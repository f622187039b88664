/**
 * The clock of background work done in slices (the whole-book index): the work is measured in
 * characters, and the clock is read every few thousand of them, so a slice ends close to its
 * deadline whatever the size of its blocks, without reading the clock for every small block.
 */

/**
 * Characters of work between two readings of the clock: about ten microseconds of optimised code,
 * and still under a millisecond in the interpreter, which runs the first slices of a fresh start.
 */
export const CHARS_PER_CHECK = 1024;
// What one block costs beyond its characters (the calls and the row arithmetic), in characters.
const BLOCK_COST = 32;

/** Returns `spend(chars)`: true once the work spent so far in this slice has run past `deadline`. */
export function sliceClock(deadline: number, now: () => number): (chars: number) => boolean {
	let spent = 0;
	return (chars) => {
		spent += chars + BLOCK_COST;
		if (spent < CHARS_PER_CHECK) return false;
		spent = 0;
		return now() >= deadline;
	};
}
