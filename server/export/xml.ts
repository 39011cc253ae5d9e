// XML escaping shared by the XML writers. Text from data may hold anything: markup
// characters are escaped, and characters XML 1.0 cannot carry at all (most C0 controls,
// lone surrogates, U+FFFE/U+FFFF) become U+FFFD so the file always parses.
// Written without the `u` flag (lone surrogates spelled out): several times faster on long strings.
const INVALID_XML_CHARACTER =
  /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const HAS_INVALID_XML_CHARACTER = new RegExp(INVALID_XML_CHARACTER.source);
const XML_TEXT_SPECIAL = /[&<>\r]/;
const XML_ATTRIBUTE_SPECIAL = /[&<>"\t\n\r]/;

/** Any character that may be invalid (every surrogate, paired or not): one cheap scan before the exact replacement. */
const MAYBE_INVALID_XML_CHARACTER = /[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]/;

export function toXmlCharacters(value: string): string {
  if (!MAYBE_INVALID_XML_CHARACTER.test(value)) return value;
  return value.replace(INVALID_XML_CHARACTER, '\ufffd');
}

/** For element content. \r is a character reference because parsers normalise raw CR to LF. */
export function escapeXmlText(value: string): string {
  if (!XML_TEXT_SPECIAL.test(value) && !HAS_INVALID_XML_CHARACTER.test(value)) return value;
  return toXmlCharacters(value).replace(/[&<>\r]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#xD;',
  );
}

/** For attribute values in double quotes. Tab, LF and CR are references because parsers turn raw ones into spaces. */
export function escapeXmlAttribute(value: string): string {
  if (!XML_ATTRIBUTE_SPECIAL.test(value) && !HAS_INVALID_XML_CHARACTER.test(value)) return value;
  return toXmlCharacters(value).replace(/[&<>"\t\n\r]/g, (c) => XML_ATTRIBUTE_ESCAPES[c]);
}

const XML_ATTRIBUTE_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#x9;',
  '\n': '&#xA;',
  '\r': '&#xD;',
};
