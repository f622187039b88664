/** The reading screen: the page in its centred column, and the status line under it. */
import {Box, Text} from 'ink';
import {memo} from 'react';
import {type Frame, type PageLine, lineRole, samePageLines} from '../core/screen.js';
import type {Segment} from '../core/segments.js';
import {cellWidth} from '../core/width.js';
import {roleProps, useTheme} from './theme.js';

/** How italic text is shown: as italics, or underlined where the terminal has no italics. */
export type ItalicFallback = 'underline' | 'none';

/** Props: the frame, the page's lines, the status line's text and how to show italics. */
export type ReaderViewProps = {
	readonly frame: Frame;
	readonly lines: readonly PageLine[];
	readonly status: string;
	/** `underline` draws italic runs underlined instead; the default keeps them italic. */
	readonly italicFallback?: ItalicFallback;
};

/** Draws exactly `frame.rows` rows: top margin, page, gap, status line. */
export function ReaderView({frame, lines, status, italicFallback = 'none'}: ReaderViewProps) {
	const theme = useTheme();
	const margin = ' '.repeat(frame.margin);
	// The status line is padded to the column so its background (or inverse) reads as a bar.
	const bar = status + ' '.repeat(Math.max(0, frame.column - cellWidth(status)));
	return (
		<Box flexDirection="column" width={frame.cols} height={frame.rows}>
			{frame.top > 0 && <Text> </Text>}
			<PageBody lines={lines} rows={frame.body} margin={frame.margin} italicFallback={italicFallback} />
			{frame.gap > 0 && <Text> </Text>}
			<Text>
				{margin}
				<Text {...roleProps(theme, 'status')}>{bar}</Text>
			</Text>
		</Box>
	);
}

type PageBodyProps = {
	readonly lines: readonly PageLine[];
	readonly rows: number;
	readonly margin: number;
	readonly italicFallback: ItalicFallback;
};

// The page's rows. Memoised on what they show: a frame that changes only the status line (the page
// count arriving while the whole-book index finishes) skips the page's React and layout work.
const PageBody = memo(
	function PageBody({lines, rows, margin, italicFallback}: PageBodyProps) {
		const theme = useTheme();
		const indent = ' '.repeat(margin);
		const body = Array.from({length: rows}, (_, i) => lines[i]);
		return (
			<>
				{body.map((line, i) =>
					// An empty <Text> has no height: a blank row must still hold a character.
					!line || line.segments.length === 0 ? (
						<Text key={i}> </Text>
					) : (
						<Text key={i} {...roleProps(theme, lineRole(line))}>
							{indent}
							{line.segments.map((segment, j) => (
								<SegmentText key={j} segment={segment} italicFallback={italicFallback} />
							))}
						</Text>
					),
				)}
			</>
		);
	},
	(a, b) => a.rows === b.rows && a.margin === b.margin && a.italicFallback === b.italicFallback && samePageLines(a.lines, b.lines),
);

function SegmentText({segment, italicFallback}: {readonly segment: Segment; readonly italicFallback: ItalicFallback}) {
	const theme = useTheme();
	const italic = segment.italic === true;
	if (segment.hit) {
		return (
			<Text {...roleProps(theme, 'searchHit')} italic={italic && italicFallback === 'none'} bold={segment.bold === true}>
				{segment.text}
			</Text>
		);
	}
	if (!italic && !segment.bold) return <Text>{segment.text}</Text>;
	const {color} = roleProps(theme, 'emphasis');
	return (
		<Text
			{...(color ? {color} : {})}
			italic={italic && italicFallback === 'none'}
			underline={italic && italicFallback === 'underline'}
			bold={segment.bold === true}
		>
			{segment.text}
		</Text>
	);
}
