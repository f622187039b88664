/** The library: every story the reader can open, with how far each one has been read. */
import {Box, Text} from 'ink';
import {hintLine} from '../core/keymap.js';
import {type LibraryItem, relativeTime} from '../core/library.js';
import {fit} from '../core/screen.js';
import {listWindow} from './list-window.js';
import {roleProps, useTheme} from './theme.js';

/** Props: the items, the selected one, the terminal's size, a notice and the clock. */
export type LibraryViewProps<Source> = {
	readonly items: ReadonlyArray<LibraryItem<Source>>;
	readonly selected: number;
	readonly cols: number;
	readonly rows: number;
	readonly notice?: string;
	readonly now: number;
};

/** Two lines a story: title, then byline, progress and when it was last read. */
export function LibraryView<Source>({items, selected, cols, rows, notice, now}: LibraryViewProps<Source>) {
	const theme = useTheme();
	const {width, margin, first, room} = listWindow(cols, rows, selected, items.length, 3);
	const visible = items.slice(first, first + room);
	return (
		<Box flexDirection="column" width={cols} height={rows}>
			<Text {...roleProps(theme, 'heading')}>{fit(`${margin}Library`, cols)}</Text>
			<Text> </Text>
			{items.length === 0 && <Text>{fit(`${margin}No stories yet. Run "lectern FILE" to open a text file.`, cols)}</Text>}
			{visible.map((item, i) => {
				const index = first + i;
				const mark = index === selected ? '› ' : '  ';
				const details = [
					item.byline,
					item.missing ? 'missing: the file has moved or gone' : undefined,
					item.percent === undefined ? 'not started' : `${item.percent}% read`,
					item.bookmarks ? `${item.bookmarks} bookmark${item.bookmarks === 1 ? '' : 's'}` : undefined,
					item.readAt ? relativeTime(item.readAt, now) : undefined,
				]
					.filter(Boolean)
					.join(' · ');
				return (
					<Box key={item.key} flexDirection="column">
						<Text>
							{margin}
							<Text {...roleProps(theme, index === selected ? 'selection' : 'text')}>{fit(`${mark}${item.title}`, width)}</Text>
						</Text>
						<Text {...roleProps(theme, 'dim')}>{fit(`${margin}    ${details}`, cols) || ' '}</Text>
						<Text> </Text>
					</Box>
				);
			})}
			<Box flexGrow={1} />
			<Text {...roleProps(theme, 'dim')}>{fit(`${margin}${notice ?? hintLine('library')}`, cols)}</Text>
		</Box>
	);
}
