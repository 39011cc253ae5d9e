// Test helper: parses XML and throws on what a strict reader would refuse. xmldom is
// lenient (it accepts a bare "&" and forbidden characters), so those are checked here.
import { DOMParser } from '@xmldom/xmldom';

const FORBIDDEN_XML_CHARACTER = /[^\t\n\r\x20-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
const BARE_AMPERSAND = /&(?!(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z_][A-Za-z0-9._-]*);)/;

export function assertWellFormedXml(text: string): void {
  const forbidden = FORBIDDEN_XML_CHARACTER.exec(text);
  if (forbidden)
    throw new Error(
      `character U+${forbidden[0].codePointAt(0)!.toString(16).padStart(4, '0')} is not allowed in XML 1.0 (at ${forbidden.index})`,
    );
  const ampersand = BARE_AMPERSAND.exec(text);
  if (ampersand) throw new Error(`a bare "&" that starts no reference (at ${ampersand.index})`);
  new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(text, 'application/xml');
}
