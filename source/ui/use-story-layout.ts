/**
 * The story laid out for the column and typography in use, with its whole-book index built in
 * the background. Hyphenation patterns load on demand; the layout is redone once they are there.
 */
import {useEffect, useMemo, useState} from 'react';
import {hyphenationLoaded, loadHyphenation} from '../core/hyphenate.js';
import {Layout} from '../core/layout.js';
import {WordIndex} from '../core/pace.js';
import type {ReaderSettings} from '../core/settings.js';
import type {Story} from '../core/story.js';
import {useWholeBookIndex} from './use-index.js';

/** The layout, the word index and whether the whole-book index is ready, for `story` (if one is open). */
export function useStoryLayout(story: Story | undefined, column: number, settings: ReaderSettings) {
	const [patternsLoaded, setPatternsLoaded] = useState(hyphenationLoaded);
	useEffect(() => {
		if (settings.hyphenate && !patternsLoaded) void loadHyphenation().then(() => setPatternsLoaded(true));
	}, [settings.hyphenate, patternsLoaded]);
	const {justify, paragraphStyle, spacing, notes} = settings;
	const hyphenate = settings.hyphenate && patternsLoaded;
	const layout = useMemo(
		() => (story ? new Layout(story, column, {justify, hyphenate, paragraphStyle, spacing, notes}) : undefined),
		[story, column, justify, hyphenate, paragraphStyle, spacing, notes],
	);
	const words = useMemo(() => (story ? new WordIndex(story) : undefined), [story]);
	const indexReady = useWholeBookIndex(layout, words);
	return {layout, words, indexReady};
}
