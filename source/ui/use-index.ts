/** The whole-book index (page count, words) built in the background, a few milliseconds at a time. */
import {useEffect, useMemo, useState} from 'react';
import type {Layout} from '../core/layout.js';
import type {WordIndex} from '../core/pace.js';
import {indexShortStory} from '../core/quick-index.js';
import type {IndexOffload} from '../io/index-worker.js';

// Milliseconds of index work a slice may take, when the index is counted here. A key pressed
// meanwhile waits for the rest of the slice; with a young collection on top (3-8 ms early in a
// long book's index), under 10 ms. With 4 ms slices the longest wait while indexing 20 MB was
// 9-16 ms (typically 11.5), with 3 ms 7-11 (typically 8.5); the index takes about 5% longer (one
// timer tick between slices).
const SLICE_MS = 3;

/**
 * Builds the whole-book row count and word count, and the page starts for the page height in use:
 * elsewhere when `offload` can (a worker thread: io/index-worker.ts), else here in slices of a few
 * milliseconds, so keys are never blocked. What the worker did not do (page starts for a height
 * asked for since) is done in slices.
 */
export function useWholeBookIndex(layout: Layout | undefined, words: WordIndex | undefined, offload?: IndexOffload): boolean {
	// A short story is counted at once, so its first frame already has page numbers.
	const quick = useMemo(() => layout !== undefined && indexShortStory(layout, words), [layout, words]);
	const [ready, setReady] = useState(quick);
	useEffect(() => {
		setReady(quick);
		if (!layout || quick) return;
		let timer: NodeJS.Timeout | undefined;
		let stopped = false;
		// For the benchmark's probe (scripts/bench-probe.mjs): what blocks a key from here on is the index's doing.
		performance.mark(INDEX_MARK);
		const slice = () => {
			const deadline = performance.now() + SLICE_MS;
			const done = layout.buildIndex(deadline, now) && (words?.build(deadline, now) ?? true);
			// The frame with the page count is drawn in a task of its own, not on top of the last slice.
			timer = setTimeout(done ? () => setReady(true) : slice, 0);
		};
		const {story, width, typography} = layout;
		const task = offload?.count({story, width, typography, words: words !== undefined && words.counts() === undefined, height: layout.pageHeight});
		// A timer, not an immediate: React renders a key press in an immediate, which then runs before
		// the next slice rather than after it.
		if (task) {
			void task.counts.then((counts) => {
				if (stopped) return;
				// Counts that do not fit (or none: the worker failed) leave the counting to the slices.
				if (counts && layout.adoptRowCounts(counts.rows)) {
					if (counts.words) words?.adopt(counts.words);
					if (counts.pages) layout.adoptPageStarts(counts.pages.height, counts.pages.starts);
				}
				timer = setTimeout(slice, 0);
			});
		} else timer = setTimeout(slice, 0);
		return () => {
			stopped = true;
			task?.cancel();
			clearTimeout(timer);
		};
	}, [layout, words, quick, offload]);
	return ready;
}

/** The performance mark made when a whole-book index starts. */
export const INDEX_MARK = 'lectern:index';

// Date.now() moves in whole milliseconds: a slice measured with it may run a millisecond long.
const now = () => performance.now();
