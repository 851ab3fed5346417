/**
 * User input echoed in a message is shown, never obeyed: control characters (which a terminal would act on, e.g.
 * ESC sequences that rewrite the screen) and invisible direction overrides appear escaped, and long input is
 * shortened so one bad key cannot flood the screen.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g

export function shownText(text: string, max = 80): string {
  const shortened = text.length > max ? `${text.slice(0, max - 20)}…(${text.length} characters)` : text
  return shortened.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0)
    if (c === '\n') return '\\n'
    if (c === '\r') return '\\r'
    if (c === '\t') return '\\t'
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
  })
}
