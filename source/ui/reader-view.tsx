/** The reading screen: the page in its centred column, and the status line under it. */
import {Box, Text} from 'ink';
import type {Frame, PageLine} from '../core/screen.js';

/** Props: the frame, the page's lines and the status line's text. */
export type ReaderViewProps = {
	readonly frame: Frame;
	readonly lines: readonly PageLine[];
	readonly status: string;
};

/** Draws exactly `frame.rows` rows: top margin, page, gap, status line. */
export function ReaderView({frame, lines, status}: ReaderViewProps) {
	const margin = ' '.repeat(frame.margin);
	const body = Array.from({length: frame.body}, (_, i) => lines[i] ?? {kind: 'blank' as const, text: ''});
	return (
		<Box flexDirection="column" width={frame.cols} height={frame.rows}>
			{frame.top > 0 && <Text> </Text>}
			{body.map((line, i) => (
				<Text key={i} bold={line.kind === 'heading'} dimColor={line.kind === 'break'}>
					{margin + line.text || ' '}
				</Text>
			))}
			{frame.gap > 0 && <Text> </Text>}
			<Text dimColor>{margin + status}</Text>
		</Box>
	);
}
