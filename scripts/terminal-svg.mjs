// Draws what a terminal shows as an SVG picture: the output of a program is replayed into a
// headless xterm, then every cell of its screen (character, colours, bold, italic, underline,
// dim, inverse) becomes a rectangle and a run of text on a monospace grid. Plain ESM JavaScript.
import xtermHeadless from '@xterm/headless';

const {Terminal} = xtermHeadless;

/** The look of the terminal around the program: its default colours and a window frame. */
export const FRAME = {
	foreground: '#d4d4d4',
	background: '#1e1e1e',
	bar: '#323232',
	caption: '#a0a0a0',
	fontSize: 14,
	// A monospace advance is 0.6 of the font size; text runs are stretched to it, so any fallback font stays on the grid.
	cellWidth: 8.4,
	cellHeight: 18,
	padding: 12,
	barHeight: 30,
};

// xterm's default 16 colours, then the 6x6x6 cube and 24 greys of the 256-colour palette.
const ANSI_16 = ['#000000', '#cd0000', '#00cd00', '#cdcd00', '#0000ee', '#cd00cd', '#00cdcd', '#e5e5e5', '#7f7f7f', '#ff0000', '#00ff00', '#ffff00', '#5c5cff', '#ff00ff', '#00ffff', '#ffffff'];
const CUBE = [0, 95, 135, 175, 215, 255];
const hex = (r, g, b) => `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;

function paletteColor(index) {
	if (index < 16) return ANSI_16[index];
	if (index < 232) {
		const i = index - 16;
		return hex(CUBE[Math.floor(i / 36)], CUBE[Math.floor(i / 6) % 6], CUBE[i % 6]);
	}
	const grey = 8 + 10 * (index - 232);
	return hex(grey, grey, grey);
}

function colorOf(cell, which) {
	const rgb = which === 'fg' ? cell.isFgRGB() : cell.isBgRGB();
	const palette = which === 'fg' ? cell.isFgPalette() : cell.isBgPalette();
	const value = which === 'fg' ? cell.getFgColor() : cell.getBgColor();
	if (rgb) return hex((value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff);
	if (palette) return paletteColor(value);
	return undefined;
}

// A cell's final look: colours resolved (inverse swaps them, defaults filled in) and its attributes.
function styleOf(cell) {
	let fg = colorOf(cell, 'fg') ?? FRAME.foreground;
	let bg = colorOf(cell, 'bg') ?? FRAME.background;
	// Bold with a plain 16-colour foreground shows the bright colour, as most terminals do.
	if (cell.isBold() && cell.isFgPalette() && cell.getFgColor() < 8) fg = paletteColor(cell.getFgColor() + 8);
	if (cell.isInverse()) [fg, bg] = [bg, fg];
	return {fg, bg, bold: Boolean(cell.isBold()), italic: Boolean(cell.isItalic()), underline: Boolean(cell.isUnderline()), dim: Boolean(cell.isDim()), invisible: Boolean(cell.isInvisible())};
}

const sameText = (a, b) => a.fg === b.fg && a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.dim === b.dim;

const escapeXml = (text) => text.replace(/[&<>"]/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'})[c]);

/** Replays `output` into a headless terminal of `cols`×`rows` and resolves with its screen. */
export function replay(output, cols, rows) {
	const terminal = new Terminal({cols, rows, allowProposedApi: true, scrollback: 0});
	return new Promise((resolve) => terminal.write(output, () => resolve(terminal)));
}

/** Reads a terminal's visible screen into rows of cells: {chars, width, style}. */
export function readScreen(terminal) {
	const buffer = terminal.buffer.active;
	const cell = buffer.getNullCell();
	const rows = [];
	for (let y = 0; y < terminal.rows; y++) {
		const line = buffer.getLine(buffer.viewportY + y);
		const cells = [];
		for (let x = 0; x < terminal.cols; x++) {
			line?.getCell(x, cell);
			// The second half of a wide character has width 0: its first half covers it.
			cells.push({chars: cell.getChars() || ' ', width: cell.getWidth(), style: styleOf(cell)});
		}
		rows.push(cells);
	}
	return rows;
}

/** The SVG of a screen (`readScreen`'s rows), in a window frame captioned `caption`, described by `title`. */
export function screenToSvg(screen, {title, caption}) {
	const {cellWidth: cw, cellHeight: ch, padding, barHeight, fontSize} = FRAME;
	const cols = screen[0]?.length ?? 0;
	const width = Math.round(cols * cw + 2 * padding);
	const height = Math.round(screen.length * ch + 2 * padding + barHeight);
	const x = (col) => +(col * cw).toFixed(1);
	const parts = [];
	screen.forEach((cells, y) => {
		const top = y * ch;
		// Backgrounds: one rectangle per run of cells of one colour that is not the terminal's own.
		for (let start = 0; start < cells.length; ) {
			let end = start + 1;
			while (end < cells.length && cells[end].style.bg === cells[start].style.bg) end++;
			const bg = cells[start].style.bg;
			if (bg !== FRAME.background) parts.push(`<rect x="${x(start)}" y="${top}" width="${x(end - start)}" height="${ch}" fill="${bg}"/>`);
			start = end;
		}
		// Text: one run per stretch of one style, stretched to its cells so it stays on the grid.
		const baseline = top + Math.round(ch * 0.75);
		for (let start = 0; start < cells.length; ) {
			let end = start + 1;
			while (end < cells.length && sameText(cells[end].style, cells[start].style)) end++;
			// The cells that draw a glyph (the second half of a wide character draws none), with their columns.
			const glyphs = cells
				.slice(start, end)
				.map((cell, i) => ({...cell, col: start + i}))
				.filter((cell) => cell.width !== 0);
			const shown = (cell) => !cell.style.invisible && cell.chars.trim() !== '';
			const first = glyphs.findIndex(shown);
			const last = glyphs.findLastIndex(shown);
			if (first !== -1) {
				const style = glyphs[first].style;
				const used = glyphs.slice(first, last + 1);
				const span = used.at(-1).col + used.at(-1).width - used[0].col;
				const attributes = [
					`x="${x(used[0].col)}"`,
					`y="${baseline}"`,
					`fill="${style.fg}"`,
					span > 1 ? `textLength="${x(span)}" lengthAdjust="spacingAndGlyphs"` : '',
					style.bold ? 'font-weight="bold"' : '',
					style.italic ? 'font-style="italic"' : '',
					style.underline ? 'text-decoration="underline"' : '',
					style.dim ? 'opacity="0.6"' : '',
				].filter(Boolean);
				parts.push(`<text ${attributes.join(' ')}>${escapeXml(used.map((cell) => (cell.style.invisible ? ' ' : cell.chars)).join(''))}</text>`);
			}
			start = end;
		}
	});
	// Centred over the window, unless that would run over the three dots at its left.
	const captionX = Math.max(width / 2, padding + 70 + (caption.length * cw) / 2);
	const dots = ['#ff5f57', '#febc2e', '#28c840'].map((color, i) => `<circle cx="${padding + 8 + i * 20}" cy="${barHeight / 2}" r="6" fill="${color}"/>`).join('');
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="title">
<title id="title">${escapeXml(title)}</title>
<style>text{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,'DejaVu Sans Mono','Liberation Mono',monospace;font-size:${fontSize}px;white-space:pre}</style>
<rect width="${width}" height="${height}" rx="8" fill="${FRAME.background}"/>
<path d="M0 8a8 8 0 0 1 8-8h${width - 16}a8 8 0 0 1 8 8v${barHeight - 8}h-${width}z" fill="${FRAME.bar}"/>
${dots}
<text x="${captionX}" y="${barHeight / 2 + 5}" fill="${FRAME.caption}" text-anchor="middle">${escapeXml(caption)}</text>
<g transform="translate(${padding} ${barHeight + padding})" xml:space="preserve">
${parts.join('\n')}
</g>
</svg>
`;
}
