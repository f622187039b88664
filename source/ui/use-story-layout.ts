/**
 * The story laid out for the column and typography in use, with its whole-book index built in
 * the background. Hyphenation patterns load on demand; the layout is redone once they are there.
 */
import {useEffect, useMemo, useState} from 'react';
import {hyphenationLoaded, loadHyphenation} from '../core/hyphenate.js';
import {Layout} from '../core/layout.js';
import type {Typography} from '../core/typeset.js';
import {WordIndex} from '../core/pace.js';
import type {ReaderSettings} from '../core/settings.js';
import type {Story} from '../core/story.js';
import type {IndexOffload} from '../io/index-worker.js';
import {useWholeBookIndex} from './use-index.js';

/** A layout made before the reader started (the quick first page's), with its word index. */
export type PreparedLayout = {readonly layout: Layout; readonly words: WordIndex};

/**
 * The layout, the word index and whether the whole-book index is ready, for `story` (if one is
 * open). A `prepared` layout is used while it is the one these settings ask for.
 */
export function useStoryLayout(story: Story | undefined, column: number, settings: ReaderSettings, prepared?: PreparedLayout, offload?: IndexOffload) {
	const [patternsLoaded, setPatternsLoaded] = useState(hyphenationLoaded);
	useEffect(() => {
		if (settings.hyphenate && !patternsLoaded) void loadHyphenation().then(() => setPatternsLoaded(true));
	}, [settings.hyphenate, patternsLoaded]);
	const {justify, paragraphStyle, spacing, notes} = settings;
	const hyphenate = settings.hyphenate && patternsLoaded;
	const layout = useMemo(() => {
		if (!story) return undefined;
		const typography = {justify, hyphenate, paragraphStyle, spacing, notes};
		return prepared && fits(prepared.layout, story, column, typography) ? prepared.layout : new Layout(story, column, typography);
	}, [story, column, justify, hyphenate, paragraphStyle, spacing, notes, prepared]);
	const words = useMemo(() => (story ? (prepared?.layout.story === story ? prepared.words : new WordIndex(story)) : undefined), [story, prepared]);
	const indexReady = useWholeBookIndex(layout, words, offload);
	return {layout, words, indexReady};
}

// True when `layout` is the one `new Layout(story, column, typography)` would make.
function fits(layout: Layout, story: Story, column: number, typography: Typography): boolean {
	const made = layout.typography;
	return (
		layout.story === story &&
		layout.width === column &&
		made.justify === typography.justify &&
		made.hyphenate === typography.hyphenate &&
		made.paragraphStyle === typography.paragraphStyle &&
		made.spacing === typography.spacing &&
		made.notes === typography.notes
	);
}
