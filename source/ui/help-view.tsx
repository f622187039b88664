/** The help screen, generated from the keymap so it always matches the keys that work. */
import {Box, Text} from 'ink';
import {type HelpLine, helpLines} from '../core/keymap.js';
import {fit} from '../core/screen.js';

/** The help screen's lines, generated once from the keymap. */
export const HELP: readonly HelpLine[] = helpLines();

/** Props: the help's lines, the first one to show, and the terminal's size. */
export type HelpViewProps = {readonly lines: readonly HelpLine[]; readonly top: number; readonly cols: number; readonly rows: number};

/** Shows the help from line `top`; a terminal shorter than the help scrolls it. */
export function HelpView({lines, top, cols, rows}: HelpViewProps) {
	const margin = ' '.repeat(Math.max(0, Math.floor((cols - 64) / 2)));
	const first = Math.min(Math.max(0, top), Math.max(0, lines.length - rows));
	return (
		<Box flexDirection="column" width={cols} height={rows}>
			{lines.slice(first, first + rows).map((line, i) => (
				<Text key={first + i} bold={line.heading} wrap="truncate">
					{fit(margin + line.text, cols) || ' '}
				</Text>
			))}
		</Box>
	);
}
