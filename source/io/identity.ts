/**
 * Story identity: a file's record (place and bookmarks) is keyed by a hash of its content, so it
 * follows the file when it is renamed or moved. When the content changes the hash does too; the
 * record found under the same path then moves to the new key, each bookmark re-anchored by its
 * snippet (or marked approximate where its text is gone).
 */
import path from 'node:path';
import {reanchor} from '../core/bookmarks.js';
import {type Story, storyLength} from '../core/story.js';
import type {Storage} from './storage.js';
import {loadSource} from './load.js';
import type {StorySource} from './stories.js';

/** Loads a story, first moving a changed file's old record to the story's new key. */
export function openStory(storage: Storage, storiesDir: string, source: StorySource): Story {
	const story = loadSource(storiesDir, source);
	if (source.kind === 'file' && !storage.progress(story.key)) {
		const file = path.resolve(source.path);
		const previous = Object.entries(storage.allProgress()).find(([, record]) => record.source.kind === 'file' && path.resolve(record.source.path) === file);
		if (previous) {
			const [oldKey, record] = previous;
			storage.rekey(oldKey, story.key, (old) => ({
				...old,
				length: storyLength(story),
				offset: old.length > 0 ? Math.min(storyLength(story), Math.round((old.offset / old.length) * storyLength(story))) : 0,
				bookmarks: reanchor(old.bookmarks, record.length, story),
			}));
		}
	}
	return story;
}
