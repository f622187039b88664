/** Shown instead of the page when the terminal is too small to read in. */
import {Box, Text} from 'ink';
import {MIN_COLUMNS, MIN_ROWS, fit} from '../core/screen.js';

/** Props: the terminal's size. */
export type TooSmallProps = {readonly cols: number; readonly rows: number};

/** A notice that fits any size, down to one cell; it goes away when the window grows. */
export function TooSmall({cols, rows}: TooSmallProps) {
	const lines = ['Terminal too small', `need ${MIN_COLUMNS}x${MIN_ROWS}, have ${cols}x${rows}`, 'q quits'];
	return (
		<Box flexDirection="column" width={cols} height={rows}>
			{lines.slice(0, rows).map((line) => (
				<Text key={line} wrap="truncate">
					{fit(line, cols) || ' '}
				</Text>
			))}
		</Box>
	);
}
