/** The bookmark list: the current story's bookmarks in reading order, with where each one is. */
import {Box, Text} from 'ink';
import type {Bookmark} from '../core/bookmarks.js';
import {hintLine, keyLabel, KEYMAP} from '../core/keymap.js';
import {fit} from '../core/screen.js';
import {listWindow} from './list-window.js';
import {roleProps, useTheme} from './theme.js';

/** One bookmark as the list shows it. */
export type BookmarkRow = {readonly bookmark: Bookmark; readonly chapter?: string; readonly percent: number};

/** Props: the rows, the selected one, the terminal's size, and the footer (a notice or a prompt). */
export type BookmarksViewProps = {
	readonly title: string;
	readonly items: readonly BookmarkRow[];
	readonly selected: number;
	readonly cols: number;
	readonly rows: number;
	readonly footer?: string;
};

const addKey = keyLabel(KEYMAP.find((b) => b.command === 'addBookmark')!.keys[0]!);

/** Three lines a bookmark: name, then chapter and percent, then a snippet of its text. */
export function BookmarksView({title, items, selected, cols, rows: height, footer}: BookmarksViewProps) {
	const theme = useTheme();
	const {width, margin, first, room} = listWindow(cols, height, selected, items.length, 4);
	return (
		<Box flexDirection="column" width={cols} height={height}>
			<Text {...roleProps(theme, 'heading')}>{fit(`${margin}Bookmarks · ${title}`, cols)}</Text>
			<Text> </Text>
			{items.length === 0 && <Text>{fit(`${margin}No bookmarks yet. Press ${addKey} while reading to add one.`, cols)}</Text>}
			{items.slice(first, first + room).map((row, i) => {
				const index = first + i;
				const where = [row.chapter, `${row.percent}%`, row.bookmark.approximate ? 'approximate: the text changed' : undefined].filter(Boolean).join(' · ');
				return (
					<Box key={row.bookmark.id} flexDirection="column">
						<Text>
							{margin}
							<Text {...roleProps(theme, index === selected ? 'selection' : 'text')}>
								{fit(`${index === selected ? '› ' : '  '}${row.bookmark.name || '(no name)'}`, width)}
							</Text>
						</Text>
						<Text {...roleProps(theme, 'dim')}>{fit(`${margin}    ${where}`, cols)}</Text>
						<Text {...roleProps(theme, 'dim')} italic>
							{margin}
							{fit(`    “${row.bookmark.snippet}”`, width)}
						</Text>
						<Text> </Text>
					</Box>
				);
			})}
			<Box flexGrow={1} />
			<Text {...roleProps(theme, 'dim')}>{fit(`${margin}${footer ?? hintLine('bookmarks')}`, cols)}</Text>
		</Box>
	);
}
