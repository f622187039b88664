/** "Go to": a percent of the story (`42%`, `42`% of the way) or a chapter number (`12`). */
import {type Story, storyLength} from './story.js';

/** The offset a go-to entry names, or a one-line reason it names none. */
export function gotoOffset(entry: string, story: Story): number | string {
	const text = entry.trim();
	const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(text);
	if (percent) {
		const value = Number(percent[1]);
		if (value > 100) return 'A percent goes up to 100%';
		return Math.floor((value / 100) * storyLength(story));
	}
	const chapter = /^(?:chapter\s*)?(\d+)$/i.exec(text);
	if (chapter) {
		const number = Number(chapter[1]);
		const found = story.chapters[number - 1];
		if (found) return found.start;
		return story.chapters.length === 0 ? 'This story has no chapters: try a percent, such as 50%' : `There are ${story.chapters.length} chapters`;
	}
	return 'Give a percent (42%) or a chapter number (12)';
}
