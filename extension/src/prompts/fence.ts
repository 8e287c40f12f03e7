// Code in Markdown fences that cannot be broken by the code itself: a fence is always longer than
// any run of backticks inside the code, so a snippet that contains ``` stays one block.

/** VS Code language ids whose usual Markdown fence tag differs from the id. */
const FENCE_TAGS: Record<string, string> = {
  typescriptreact: 'tsx',
  javascriptreact: 'jsx',
  shellscript: 'sh',
  plaintext: '',
  'objective-c': 'objc',
  'objective-cpp': 'objcpp',
  dockerfile: 'dockerfile',
  jsonc: 'jsonc',
};

/** The tag to put after the opening fence for a VS Code language id. */
export function fenceLanguage(languageId: string): string {
  return FENCE_TAGS[languageId] ?? languageId;
}

/** Wraps code in a backtick fence longer than any backtick run it contains (at least three). */
export function fenceCode(code: string, languageId = ''): string {
  let longest = 0;
  for (const run of code.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const body = code.endsWith('\n') ? code : `${code}\n`;
  return `${fence}${fenceLanguage(languageId)}\n${body}${fence}`;
}
