import {Box, Text} from 'ink';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {type ColorLevel, PLAIN_THEME, type Role, resolveTheme} from '../core/color.js';
import {THEMES, findTheme} from '../core/themes.js';
import {ThemeProvider, roleProps, screenBackground, useTheme} from './theme.js';

afterEach(cleanup);

function resolved(name: string, level: ColorLevel) {
	const theme = findTheme(name);
	if (!theme) throw new Error(`no theme ${name}`);
	return resolveTheme(theme, level);
}

// Shows what a view inside the provider would be given.
function Probe({role = 'heading'}: {role?: Role}) {
	const theme = useTheme();
	return <Text>{`${theme.name} ${theme.level} ${JSON.stringify(roleProps(theme, role))}`}</Text>;
}

describe('ThemeProvider', () => {
	it('gives views the colourless theme when there is no provider', () => {
		const {lastFrame} = render(<Probe />);
		expect(lastFrame()).toBe(`terminal none ${JSON.stringify(PLAIN_THEME.roles.heading)}`);
	});

	it('gives views the theme it was rendered with', () => {
		const {lastFrame} = render(
			<ThemeProvider theme={resolved('nord', '256')}>
				<Probe role="status" />
			</ThemeProvider>,
		);
		expect(lastFrame()).toBe('nord 256 {"color":"ansi256(255)","backgroundColor":"ansi256(239)"}');
	});

	it('lets two renders use two themes at once, since nothing is global', () => {
		const light = render(
			<ThemeProvider theme={resolved('light', 'truecolor')}>
				<Probe />
			</ThemeProvider>,
		);
		const dark = render(
			<ThemeProvider theme={resolved('dark', '16')}>
				<Probe />
			</ThemeProvider>,
		);
		expect(light.lastFrame()).toBe('light truecolor {"bold":true,"color":"#1d4f91"}');
		expect(dark.lastFrame()).toBe('dark 16 {"bold":true,"color":"cyanBright"}');
	});

	it('lets an inner provider override an outer one', () => {
		const {lastFrame} = render(
			<ThemeProvider theme={resolved('sepia', 'truecolor')}>
				<ThemeProvider theme={resolved('sepia', 'none')}>
					<Probe role="selection" />
				</ThemeProvider>
			</ThemeProvider>,
		);
		expect(lastFrame()).toBe('sepia none {"bold":true,"inverse":true}');
	});

	it('draws the text of every role, for every theme and depth, with the props spread into <Text>', () => {
		for (const theme of THEMES) {
			for (const level of ['none', '16', '256', 'truecolor'] as const) {
				const value = resolveTheme(theme, level);
				const background = screenBackground(value);
				const {lastFrame} = render(
					<ThemeProvider theme={value}>
						<Box flexDirection="column" width={30} {...(background ? {backgroundColor: background} : {})}>
							{(Object.keys(value.roles) as Role[]).map((role) => (
								<Text key={role} {...roleProps(value, role)}>
									{role}
								</Text>
							))}
						</Box>
					</ThemeProvider>,
				);
				expect(lastFrame()?.split('\n').map((row) => row.trim())).toEqual(Object.keys(value.roles));
			}
		}
	});
});

describe('screenBackground', () => {
	it('leaves the terminal\'s own background for the terminal theme', () => {
		for (const level of ['none', '16', '256', 'truecolor'] as const) expect(screenBackground(resolved('terminal', level))).toBeUndefined();
	});

	it('paints nothing without colour, whatever the theme', () => {
		for (const theme of THEMES) expect(screenBackground(resolveTheme(theme, 'none'))).toBeUndefined();
	});

	it('gives the colour to paint at each depth', () => {
		expect(screenBackground(resolved('solarized-dark', 'truecolor'))).toBe('#002b36');
		expect(screenBackground(resolved('dark', '256'))).toBe('ansi256(234)');
		expect(screenBackground(resolved('light', '16'))).toBe('whiteBright');
	});
});
