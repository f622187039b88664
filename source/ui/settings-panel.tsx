/** The settings panel: every setting with its value, under the page so each change shows at once. */
import {Box, Text} from 'ink';
import {hintLine} from '../core/keymap.js';
import {fit} from '../core/screen.js';
import {type ReaderSettings, SETTING_FIELDS} from '../core/settings.js';
import {roleProps, useTheme} from './theme.js';

/** Props: the settings, the selected row, and the width to draw in. */
export type SettingsPanelProps = {readonly settings: ReaderSettings; readonly selected: number; readonly cols: number};

/** How many rows the panel takes: a rule, one per setting, and the key hint. */
export const SETTINGS_PANEL_ROWS = SETTING_FIELDS.length + 2;

/** One row a setting, the selected one marked (not by colour alone) with ‹ ›. */
export function SettingsPanel({settings, selected, cols}: SettingsPanelProps) {
	const theme = useTheme();
	const width = Math.min(cols, 72);
	const margin = ' '.repeat(Math.max(0, Math.floor((cols - width) / 2)));
	const labelWidth = Math.max(...SETTING_FIELDS.map((field) => field.label.length)) + 2;
	return (
		<Box flexDirection="column" width={cols}>
			<Text {...roleProps(theme, 'dim')}>{fit(`${margin}${'─'.repeat(width)}`, cols)}</Text>
			{SETTING_FIELDS.map((field, index) => {
				const chosen = index === selected;
				const value = field.show(settings);
				const line = `${margin}${chosen ? '›' : ' '} ${field.label.padEnd(labelWidth)}${chosen ? `‹ ${value} ›` : `  ${value}`}`;
				return (
					<Text key={field.key} {...roleProps(theme, chosen ? 'selection' : 'text')}>
						{fit(line, cols)}
					</Text>
				);
			})}
			<Text {...roleProps(theme, 'dim')}>{fit(`${margin}${hintLine('settings')}`, cols)}</Text>
		</Box>
	);
}
