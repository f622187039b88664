/** The story card: a scrolling page of what is known about the story. */
import {Box, Text} from 'ink';
import wrapAnsi from 'wrap-ansi';
import type {CardField} from '../core/card.js';
import {hintLine} from '../core/keymap.js';
import {fit} from '../core/screen.js';
import {roleProps, useTheme} from './theme.js';

/** One line of the card as drawn: a label line or a wrapped value line. */
export type CardLine = {readonly text: string; readonly label: boolean};

/** The card's lines at a width: each label, then its value wrapped under it (wrap-ansi keeps words whole). */
export function cardLines(fields: readonly CardField[], width: number): CardLine[] {
	const lines: CardLine[] = [];
	for (const field of fields) {
		lines.push({text: field.label, label: true});
		for (const line of wrapAnsi(field.value, Math.max(10, width - 2), {hard: true, trim: true}).split('\n')) lines.push({text: `  ${line}`, label: false});
	}
	return lines;
}

/** Props: the card's lines, the first one on show, and the terminal's size. */
export type CardViewProps = {readonly lines: readonly CardLine[]; readonly top: number; readonly cols: number; readonly rows: number};

/** Shows the card from line `top`, with a key hint at the foot. */
export function CardView({lines, top, cols, rows}: CardViewProps) {
	const theme = useTheme();
	const width = Math.min(cols - 2, 72);
	const margin = ' '.repeat(Math.max(0, Math.floor((cols - width) / 2)));
	const room = Math.max(1, rows - 1);
	const first = Math.min(Math.max(0, top), Math.max(0, lines.length - room));
	return (
		<Box flexDirection="column" width={cols} height={rows}>
			{lines.slice(first, first + room).map((line, i) => (
				<Text key={first + i} {...roleProps(theme, line.label ? 'heading' : 'text')}>
					{fit(margin + line.text, cols) || ' '}
				</Text>
			))}
			<Box flexGrow={1} />
			<Text {...roleProps(theme, 'dim')}>{fit(`${margin}${hintLine('card')}`, cols)}</Text>
		</Box>
	);
}
