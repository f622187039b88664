/** The contents: every chapter, the one being read marked, and where each starts. */
import {Box, Text} from 'ink';
import {hintLine} from '../core/keymap.js';
import {fit} from '../core/screen.js';
import type {Chapter} from '../core/story.js';
import {roleProps, useTheme} from './theme.js';

/** Props: the chapters, the one on screen, the selected one, the story's length and the terminal's size. */
export type ContentsViewProps = {
	readonly title: string;
	readonly chapters: readonly Chapter[];
	readonly current: number;
	readonly selected: number;
	readonly length: number;
	readonly cols: number;
	readonly rows: number;
};

/** One line a chapter: a marker for the one being read (•) and the selection (›), title, percent. */
export function ContentsView({title, chapters, current, selected, length, cols, rows}: ContentsViewProps) {
	const theme = useTheme();
	const width = Math.min(cols - 2, 72);
	const margin = ' '.repeat(Math.max(0, Math.floor((cols - width) / 2)));
	const room = Math.max(1, rows - 3);
	const first = Math.min(Math.max(0, selected - Math.floor(room / 2)), Math.max(0, chapters.length - room));
	return (
		<Box flexDirection="column" width={cols} height={rows}>
			<Text {...roleProps(theme, 'heading')}>{fit(`${margin}Contents · ${title}`, cols)}</Text>
			<Text> </Text>
			{chapters.length === 0 && <Text {...roleProps(theme, 'text')}>{fit(`${margin}This story has no chapters.`, cols)}</Text>}
			{chapters.slice(first, first + room).map((chapter, i) => {
				const index = first + i;
				const percent = `${Math.floor((100 * chapter.start) / Math.max(1, length))}%`;
				const mark = `${index === selected ? '›' : ' '}${index === current ? '•' : ' '} `;
				const name = fit(chapter.title, Math.max(4, width - mark.length - percent.length - 2));
				const line = `${mark}${name}${' '.repeat(Math.max(2, width - mark.length - name.length - percent.length))}${percent}`;
				return (
					<Text key={index}>
						{margin}
						<Text {...roleProps(theme, index === selected ? 'selection' : 'text')}>{fit(line, width)}</Text>
					</Text>
				);
			})}
			<Box flexGrow={1} />
			<Text {...roleProps(theme, 'dim')}>{fit(`${margin}${hintLine('contents')} · • the chapter you are in`, cols)}</Text>
		</Box>
	);
}
