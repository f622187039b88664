/**
 * Shell completion: `lectern completion bash|zsh|fish` prints a script that completes the flags,
 * theme names, bundled story ids, the subcommands and story files. The scripts are generated
 * from data, with every word quoted for its shell, so a story id can never run as code.
 */
import {themeNames} from './core/themes.js';
import {LecternError} from './io/errors.js';
import {listBundled} from './io/stories.js';

/** The shells Lectern writes completion scripts for. */
export type Shell = 'bash' | 'zsh' | 'fish';

/** Every shell `completionScript` knows, in the order help text names them. */
export const SHELLS: readonly Shell[] = ['bash', 'zsh', 'fish'];

/** What a flag's value is: a number, a file, a theme name, or one of a few words. */
export type FlagValue = 'number' | 'file' | 'theme' | readonly string[];

/** One command-line flag, as completion offers it. */
export type CompletionFlag = {
	/** The name without its dashes: `theme` for `--theme`. */
	readonly name: string;
	/** A short description, shown by zsh and fish beside the flag. */
	readonly help: string;
	/** Absent for a switch. */
	readonly value?: FlagValue;
	/** True for flags that print something and exit (`--help`): nothing is completed after them. */
	readonly alone?: boolean;
	/** Flags that cannot be given together with this one. */
	readonly excludes?: readonly string[];
};

/** The subcommands, each with a one-line description. */
export const SUBCOMMANDS: ReadonlyArray<readonly [string, string]> = [
	['bookmarks', 'list bookmarks, of all stories or of one'],
	['completion', 'print a completion script for bash, zsh or fish'],
];

/** The file name extensions of the formats Lectern reads, for completing story files. */
export const STORY_EXTENSIONS: readonly string[] = ['txt', 'md', 'markdown', 'html', 'htm', 'xhtml', 'epub'];

/** Lectern's flags, as `lectern --help` documents them (a test keeps the two in step). */
export const FLAGS: readonly CompletionFlag[] = [
	{name: 'list', help: 'list the bundled stories and exit', alone: true},
	{name: 'width', help: 'text column width in cells', value: 'number'},
	{name: 'theme', help: 'colour theme', value: 'theme'},
	{name: 'justify', help: 'justified text', excludes: ['no-justify']},
	{name: 'no-justify', help: 'ragged right', excludes: ['justify']},
	{name: 'hyphenate', help: 'hyphenate English words', excludes: ['no-hyphenate']},
	{name: 'no-hyphenate', help: 'never hyphenate', excludes: ['hyphenate']},
	{name: 'spacing', help: 'line spacing', value: ['single', 'double']},
	{name: 'paragraphs', help: 'blank line between paragraphs, or first-line indent', value: ['spaced', 'indented']},
	{name: 'json', help: 'with bookmarks: print JSON'},
	{name: 'info', help: 'print the metadata and contents of a story as JSON'},
	{name: 'export', help: 'write places and bookmarks to a JSON file', value: 'file', alone: true},
	{name: 'import', help: 'merge an export back in', value: 'file', alone: true},
	{name: 'version', help: 'print the version', alone: true},
	{name: 'help', help: 'print the help', alone: true},
];

/** What a script completes besides the fixed subcommands and extensions. */
export type CompletionData = {
	readonly flags: readonly CompletionFlag[];
	readonly themes: readonly string[];
	readonly stories: readonly string[];
};

/** The completion script for `shell`, completing `data`'s flags, themes and story ids. */
export function completionScript(shell: Shell, data: CompletionData): string {
	// A word that holds a control character (a newline in a file name) cannot be completed safely.
	const clean = (words: readonly string[]) => words.filter((word) => word !== '' && !/\p{Cc}/u.test(word));
	const safe: CompletionData = {flags: data.flags, themes: clean(data.themes), stories: clean(data.stories)};
	if (shell === 'bash') return bashScript(safe);
	if (shell === 'zsh') return zshScript(safe);
	return fishScript(safe);
}

/** The script for the shell named on the command line, with Lectern's own flags, themes and stories. */
export function runCompletion(shell: string | undefined, storiesDir: string): string {
	if (!SHELLS.includes(shell as Shell)) {
		const got = shell === undefined ? 'no shell' : `"${shell}"`;
		throw new LecternError(`completion: give bash, zsh or fish (got ${got}). For example: lectern completion bash`);
	}
	const stories = listBundled(storiesDir).map((story) => story.id);
	return completionScript(shell as Shell, {flags: FLAGS, themes: themeNames(), stories});
}

// Single-quoted for POSIX shells and zsh: the only character to handle is the quote itself.
function shQuote(word: string): string {
	return `'${word.replaceAll("'", `'\\''`)}'`;
}

// Single-quoted for fish, where a backslash escapes a quote or another backslash.
function fishQuote(word: string): string {
	return `'${word.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

const list = (words: readonly string[], quote: (word: string) => string) => words.map(quote).join(' ');

function valuesOf(flag: CompletionFlag, data: CompletionData): readonly string[] | undefined {
	if (flag.value === 'theme') return data.themes;
	return typeof flag.value === 'object' ? flag.value : undefined;
}

function bashScript(data: CompletionData): string {
	const withValue = data.flags.filter((flag) => flag.value !== undefined);
	const valueCases = withValue.map((flag) => {
		const values = valuesOf(flag, data);
		const action = values ? `_lectern_add "$cur" ${list(values, shQuote)}` : flag.value === 'file' ? '_lectern_files "$cur" any' : ':';
		return `\t\t--${flag.name}) ${action}; return ;;`;
	});
	const patterns = STORY_EXTENSIONS.map((extension) => `*.${extension}`).join('|');
	return `# Lectern completion for bash. Load it into this shell:
#   source <(lectern completion bash)
# or for every new shell:
#   lectern completion bash > ~/.local/share/bash-completion/completions/lectern

# Adds to COMPREPLY each word after the first argument that starts with it.
_lectern_add() {
	local prefix=$1 word
	shift
	for word in "$@"; do
		[[ $word == "$prefix"* ]] && COMPREPLY+=("$word")
	done
}

# Adds folders and, unless the second argument is "any", only files Lectern can read.
_lectern_files() {
	local path restore
	restore=$(shopt -p nocasematch)
	shopt -s nocasematch
	while IFS= read -r path; do
		if [[ -d $path || $2 == any ]]; then
			COMPREPLY+=("$path")
		else
			case $path in
			${patterns}) COMPREPLY+=("$path") ;;
			esac
		fi
	done < <(compgen -f -- "$1")
	eval "$restore"
}

_lectern() {
	local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} option=
	local -a stories=(${list(data.stories, shQuote)})
	COMPREPLY=()
	# bash splits --theme=nord at "=", so the value may follow a lone "=".
	if [[ $cur == = ]]; then
		option=$prev
		cur=
	elif [[ $prev == = ]]; then
		option=\${COMP_WORDS[COMP_CWORD-2]}
	else
		option=$prev
	fi
	case $option in
${valueCases.join('\n')}
	esac
	if [[ $cur == -* ]]; then
		_lectern_add "$cur" ${list(
			data.flags.map((flag) => `--${flag.name}`),
			shQuote,
		)}
		return
	fi
	# The words before this one that are neither flags nor their values.
	local i word first= count=0
	for ((i = 1; i < COMP_CWORD; i++)); do
		word=\${COMP_WORDS[i]}
		case $word in
		${withValue.map((flag) => `--${flag.name}`).join('|')})
			if [[ \${COMP_WORDS[i+1]} == = ]]; then ((i += 2)); else ((i += 1)); fi ;;
		=) ((i += 1)) ;;
		-*) ;;
		*)
			[[ -z $first ]] && first=$word
			((count += 1)) ;;
		esac
	done
	if ((count == 0)); then
		_lectern_add "$cur" ${list(
			SUBCOMMANDS.map(([name]) => name),
			shQuote,
		)} "\${stories[@]}"
		_lectern_files "$cur"
	elif ((count == 1)) && [[ $first == completion ]]; then
		_lectern_add "$cur" ${list(SHELLS, shQuote)}
	elif ((count == 1)) && [[ $first == bookmarks ]]; then
		_lectern_add "$cur" "\${stories[@]}"
		_lectern_files "$cur"
	fi
}

complete -o filenames -F _lectern lectern
`;
}

// Square brackets and colons end a zsh _arguments description: escape them.
function zshDescription(text: string): string {
	return text.replace(/[[\]:\\]/g, (c) => `\\${c}`);
}

function zshSpec(flag: CompletionFlag, data: CompletionData): string {
	const excluded = flag.alone ? '(- : *)' : flag.excludes ? `(${flag.excludes.map((name) => `--${name}`).join(' ')})` : '';
	const description = `[${zshDescription(flag.help)}]`;
	if (flag.value === undefined) return shQuote(`${excluded}--${flag.name}${description}`);
	const values = valuesOf(flag, data);
	const action = flag.value === 'theme' ? '_lectern_themes' : values ? `(${values.join(' ')})` : flag.value === 'file' ? '_files' : ' ';
	// "--name=" takes the value in the next word or after "=", as meow does.
	return shQuote(`${excluded}--${flag.name}=${description}:${flag.value === 'theme' ? 'theme' : flag.name}:${action}`);
}

function zshScript(data: CompletionData): string {
	const globs = `*.(#i)(${STORY_EXTENSIONS.join('|')})(-.)`;
	return `#compdef lectern
# Lectern completion for zsh. Load it into this shell (after compinit):
#   source <(lectern completion zsh)
# or for every new shell, save it as _lectern in a folder of $fpath:
#   lectern completion zsh > ~/.zfunc/_lectern   # with fpath=(~/.zfunc $fpath) before compinit

_lectern_themes() {
	local -a themes
	themes=(${list(data.themes, shQuote)})
	compadd "$@" -a themes
}

_lectern_stories() {
	local -a stories
	stories=(${list(data.stories, shQuote)})
	compadd "$@" -a stories
}

_lectern_commands() {
	local -a commands
	commands=(${list(
		SUBCOMMANDS.map(([name, help]) => `${name}:${help.replaceAll(':', '\\:')}`),
		shQuote,
	)})
	_describe -t commands command commands "$@"
}

_lectern_story_files() {
	_files "$@" -g ${shQuote(globs)}
}

_lectern() {
	local curcontext=$curcontext state line ret=1
	local -A opt_args
	_arguments -s -S -C \\
${data.flags.map((flag) => `\t\t${zshSpec(flag, data)} \\`).join('\n')}
		'1: :->first' \\
		'2: :->second' && ret=0
	case $state in
	first)
		_alternative 'commands:command:_lectern_commands' 'stories:bundled story:_lectern_stories' 'files:story file:_lectern_story_files' && ret=0
		;;
	second)
		case $line[1] in
		completion) _wanted shells expl shell compadd ${SHELLS.join(' ')} && ret=0 ;;
		bookmarks) _alternative 'stories:bundled story:_lectern_stories' 'files:story file:_lectern_story_files' && ret=0 ;;
		esac
		;;
	esac
	return ret
}

# Autoloaded from $fpath the function runs at once; sourced, it registers itself.
if [[ \${zsh_eval_context[-1]} == loadautofunc ]]; then
	_lectern "$@"
else
	compdef _lectern lectern
fi
`;
}

function fishScript(data: CompletionData): string {
	const withValue = data.flags.filter((flag) => flag.value !== undefined);
	const flagLines = data.flags.map((flag) => {
		const values = valuesOf(flag, data);
		const parts = ['complete -c lectern', `-l ${flag.name}`];
		if (values) parts.push('-x', `-a ${fishQuote(values.join(' '))}`);
		else if (flag.value === 'file') parts.push('-r', '-F');
		else if (flag.value === 'number') parts.push('-x');
		parts.push(`-d ${fishQuote(flag.help)}`);
		return parts.join(' ');
	});
	return `# Lectern completion for fish. Load it into this shell:
#   lectern completion fish | source
# or for every new shell:
#   lectern completion fish > ~/.config/fish/completions/lectern.fish

# The words typed before the cursor that are neither flags nor their values.
function __lectern_arguments
	set -l words (commandline -opc)
	set -e words[1]
	set -l skip 0
	for word in $words
		if test $skip -eq 1
			set skip 0
			continue
		end
		switch $word
			case ${withValue.map((flag) => `--${flag.name}`).join(' ')}
				set skip 1
			case '-*'
			case '*'
				echo $word
		end
	end
end

# True when the arguments so far are exactly the ones given.
function __lectern_after
	set -l given (__lectern_arguments)
	test "$given" = "$argv"
end

function __lectern_stories
	printf '%s\\n' ${list(data.stories, fishQuote)}
end

# Folders, and the files Lectern reads (fish's own suffix completion also lists every other file).
function __lectern_story_files
	__fish_complete_path (commandline -ct) | string match -ri --entire '^[^\\t]*(?:/|\\.(?:${STORY_EXTENSIONS.join('|')}))\\t'
end

complete -c lectern -f
${flagLines.join('\n')}
${SUBCOMMANDS.map(([name, help]) => `complete -c lectern -n '__lectern_after' -a ${name} -d ${fishQuote(help)}`).join('\n')}
complete -c lectern -n '__lectern_after; or __lectern_after bookmarks' -a '(__lectern_stories)' -d 'bundled story'
complete -c lectern -n '__lectern_after; or __lectern_after bookmarks' -a '(__lectern_story_files)'
complete -c lectern -n '__lectern_after completion' -a ${fishQuote(SHELLS.join(' '))}
`;
}
