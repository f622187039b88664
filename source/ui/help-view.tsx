/** The help screen, generated from the keymap so it always matches the keys that work. */
import {Box, Text} from 'ink';
import {helpRows} from '../core/keymap.js';
import {fit} from '../core/screen.js';

/** Props: the terminal's size and where to start (for terminals shorter than the help). */
export type HelpViewProps = {readonly cols: number; readonly rows: number};

/** Lists every binding: reading keys first, then the library's, then the ones that work everywhere. */
export function HelpView({cols, rows}: HelpViewProps) {
	const sections: Array<[string, ReturnType<typeof helpRows>]> = [
		['Reading', helpRows('reader')],
		['Library', helpRows('library')],
		['Everywhere', helpRows('global')],
	];
	const keysWidth = Math.max(...sections.flatMap(([, rows]) => rows.map((row) => row.keys.length))) + 2;
	const lines: Array<{text: string; heading: boolean}> = [{text: 'Lectern keys  (Esc or ? closes)', heading: true}];
	for (const [title, bindings] of sections) {
		lines.push({text: '', heading: false}, {text: title, heading: true});
		for (const row of bindings) lines.push({text: `  ${row.keys.padEnd(keysWidth)}${row.help}`, heading: false});
	}
	const margin = Math.max(0, Math.floor((cols - 64) / 2));
	const shown = lines.slice(0, rows);
	return (
		<Box flexDirection="column" width={cols} height={rows}>
			{shown.map((line, i) => (
				<Text key={i} bold={line.heading} wrap="truncate">
					{fit(' '.repeat(margin) + line.text, cols) || ' '}
				</Text>
			))}
		</Box>
	);
}
