/** The whole-book index (page count, words) built in the background, a few milliseconds at a time. */
import {useEffect, useMemo, useState} from 'react';
import type {Layout} from '../core/layout.js';
import type {WordIndex} from '../core/pace.js';

/** Builds the whole-book row count in slices of a few milliseconds, so keys are never blocked. */
export function useWholeBookIndex(layout: Layout | undefined, words: WordIndex | undefined): boolean {
	// A short story is counted at once, so its first frame already has page numbers.
	const quick = useMemo(() => {
		const deadline = Date.now() + 4;
		return (layout?.buildIndex(deadline) ?? false) && (words?.build(deadline) ?? false);
	}, [layout, words]);
	const [ready, setReady] = useState(quick);
	useEffect(() => {
		setReady(quick);
		if (!layout || quick) return;
		let timer: NodeJS.Timeout | undefined;
		const slice = () => {
			// About 5 ms a slice: with a garbage collection or a frame on top, a key still waits under 10 ms.
			const deadline = Date.now() + 5;
			if (layout.buildIndex(deadline) && (words?.build(deadline) ?? true)) setReady(true);
			else timer = setTimeout(slice, 0);
		};
		timer = setTimeout(slice, 0);
		return () => clearTimeout(timer);
	}, [layout, words, quick]);
	return ready;
}
