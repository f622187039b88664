/** Shown instead of the page when the terminal is too small to read in. */
import {Box, Text} from 'ink';
import {MIN_COLUMNS, MIN_ROWS, fit} from '../core/screen.js';

/** Props: the terminal's size. */
export type TooSmallProps = {readonly cols: number; readonly rows: number};

/** A notice that fits any size, down to one cell; it goes away when the window grows. */
export function TooSmall({cols, rows}: TooSmallProps) {
	// Short lines first, so even a tiny window shows the size it has against the size it needs.
	const lines = [cols >= 18 ? 'Terminal too small' : 'Too small', `${cols}x${rows} < ${MIN_COLUMNS}x${MIN_ROWS}`, 'q quits'];
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
