/** Keeps the place safe: the session always knows it, and it is saved shortly after the reader stops moving. */
import {useEffect, useLayoutEffect} from 'react';
import type {Story} from '../core/story.js';
import type {StorySource} from '../io/stories.js';

/** What the exit handlers read: the story and offset on screen. */
export type Session = {
	current?: {story: Story; source: StorySource; offset: number};
};

/** Where to keep the place, and how soon after the last move to save it. */
export type PersistenceOptions = {
	readonly session: Session;
	readonly save: (story: Story, source: StorySource, offset: number) => void;
	/** Milliseconds to wait after the last move before saving. */
	readonly saveDelay?: number;
};

/** Updates the session with every move and saves once the reader has stopped for `saveDelay`. */
export function usePersistence(opened: {story: Story; source: StorySource} | undefined, offset: number, {session, save, saveDelay = 1000}: PersistenceOptions): void {
	// A layout effect runs in the same task as the commit that drew the frame, so a signal that
	// arrives after the frame is on screen always finds the session up to date.
	useLayoutEffect(() => {
		if (opened) session.current = {story: opened.story, source: opened.source, offset};
	}, [opened, offset, session]);
	useEffect(() => {
		if (!opened) return;
		const timer = setTimeout(() => save(opened.story, opened.source, offset), saveDelay);
		return () => clearTimeout(timer);
	}, [opened, offset, save, saveDelay]);
}
