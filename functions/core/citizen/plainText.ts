/**
 * Text from the public as plain text: markup removed (tags, then any stray angle bracket), control
 * characters but line breaks removed, surrounding space trimmed. Nothing stored is HTML, so nothing
 * echoed can be.
 */
export function plainText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/<[/!?]?[A-Za-z][^>]*>?/g, ' ')
    .replace(/[<>]/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f\u2028\u2029]/g, ' ')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}
