/** The whole-book index (page count, words) built in the background, a few milliseconds at a time. */
import {useEffect, useMemo, useState} from 'react';
import type {Layout} from '../core/layout.js';
import type {WordIndex} from '../core/pace.js';
import {indexShortStory} from '../core/quick-index.js';

// Milliseconds of index work a slice may take. A key pressed meanwhile waits for the rest of the
// slice; with a young collection on top (3-8 ms early in a long book's index), under 10 ms. With
// 4 ms slices the longest wait while indexing 20 MB was 9-16 ms (typically 11.5), with 3 ms 7-11
// (typically 8.5); the index takes about 5% longer (one timer tick between slices).
const SLICE_MS = 3;

/** Builds the whole-book row count in slices of a few milliseconds, so keys are never blocked. */
export function useWholeBookIndex(layout: Layout | undefined, words: WordIndex | undefined): boolean {
	// A short story is counted at once, so its first frame already has page numbers.
	const quick = useMemo(() => layout !== undefined && indexShortStory(layout, words), [layout, words]);
	const [ready, setReady] = useState(quick);
	useEffect(() => {
		setReady(quick);
		if (!layout || quick) return;
		let timer: NodeJS.Timeout | undefined;
		// For the benchmark's probe (scripts/bench-probe.mjs): what blocks a key from here on is the index's doing.
		performance.mark(INDEX_MARK);
		const slice = () => {
			const deadline = performance.now() + SLICE_MS;
			const done = layout.buildIndex(deadline, now) && (words?.build(deadline, now) ?? true);
			// The frame with the page count is drawn in a task of its own, not on top of the last slice.
			timer = setTimeout(done ? () => setReady(true) : slice, 0);
		};
		// A timer, not an immediate: React renders a key press in an immediate, which then runs before
		// the next slice rather than after it.
		timer = setTimeout(slice, 0);
		return () => clearTimeout(timer);
	}, [layout, words, quick]);
	return ready;
}

/** The performance mark made when a whole-book index starts. */
export const INDEX_MARK = 'lectern:index';

// Date.now() moves in whole milliseconds: a slice measured with it may run a millisecond long.
const now = () => performance.now();
