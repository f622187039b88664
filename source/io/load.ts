/** Opening any story a source names, with every format's parser (the quick start reads text only). */
import type {Story} from '../core/story.js';
import {parseFile} from '../formats/index.js';
import {type StorySource, loadBundled, loadFileWith} from './stories.js';

/** Loads a story file (text, Markdown, HTML or EPUB); its key is a hash of its content, so it follows the file. */
export function loadFile(file: string): Story {
	return loadFileWith(file, (bytes, name) => parseFile(bytes, name));
}

/** Opens what a source names: a bundled story or a file. */
export function loadSource(storiesDir: string, source: StorySource): Story {
	return source.kind === 'bundled' ? loadBundled(storiesDir, source.id) : loadFile(source.path);
}
