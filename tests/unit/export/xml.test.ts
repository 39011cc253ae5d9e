// XML escaping shared by the GEXF and GraphML writers, and the strict check the format
// tests rely on (it must reject what it claims to reject).
import { escapeXmlAttribute, escapeXmlText, toXmlCharacters } from '../../../server/export/xml';
import { assertWellFormedXml } from './strictXml';

describe('XML escaping', () => {
  it('escapes markup in text and keeps tabs and line feeds, CR as a reference', () => {
    expect(escapeXmlText('<a href="x">&\'</a>\t\r\n')).toBe('&lt;a href="x"&gt;&amp;\'&lt;/a&gt;\t&#xD;\n');
  });

  it('escapes quotes and whitespace in attributes so a parser does not normalise them', () => {
    expect(escapeXmlAttribute('say "hi" & <go>\tnow\r\n')).toBe(
      'say &quot;hi&quot; &amp; &lt;go&gt;&#x9;now&#xD;&#xA;',
    );
  });

  it('replaces characters XML 1.0 cannot hold, keeps astral characters', () => {
    expect(toXmlCharacters('a\u0000b\u0007c\u001fd\ud800e\ufffff🚀\u2028')).toBe(
      'a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf🚀\u2028',
    );
    expect(toXmlCharacters('\ud800🚀\udc00')).toBe('\ufffd🚀\ufffd');
    expect(escapeXmlAttribute('a\u0007"')).toBe('a\ufffd&quot;');
    expect(escapeXmlText('plain text, "quoted"')).toBe('plain text, "quoted"');
  });
});

describe('assertWellFormedXml', () => {
  it('accepts escaped output', () => {
    expect(() =>
      assertWellFormedXml(`<a b="${escapeXmlAttribute('"<&>\n')}">${escapeXmlText('<&>\u0007')}</a>`),
    ).not.toThrow();
  });

  it('rejects a bare ampersand, a mismatched tag and a control character', () => {
    expect(() => assertWellFormedXml('<a>&</a>')).toThrow('a bare "&" that starts no reference (at 3)');
    expect(() => assertWellFormedXml('<a><b></a>')).toThrow('fatalError: Opening and ending tag mismatch: "b" != "a"');
    expect(() => assertWellFormedXml('<a>\u0007</a>')).toThrow('character U+0007 is not allowed in XML 1.0 (at 3)');
  });
});
