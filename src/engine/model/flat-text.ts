let flattened = 0

/**
 * The same text, stored flat. V8 keeps a string built by `+=` or a template as a tree of its pieces (a rope: 20
 * bytes a node, every piece kept) until something reads it by index; reading one character flattens it in place,
 * and the next collection drops the pieces. Strings a large population holds that are built piece by piece
 * (phones, postal codes, IBANs, e-mails) took several times their length before this. The read feeds a module
 * variable so that an optimising compiler cannot drop it as unused.
 */
export function flat(text: string): string {
  flattened = (flattened + text.charCodeAt(0)) | 0
  return text
}
