// Entity ids cut from text, in one place so that every way in (the extractor, the review
// queue, the importers, the generator) gives the same text the same id. Letters and digits
// of any script are transliterated to ASCII with any-ascii ("Владимир Путин" →
// "vladimir-putin", "习近平" → "xijinping"), so a name written in Cyrillic, Arabic or CJK
// keeps an id of its own; anything else (spaces, punctuation, symbols) only separates words.
import anyAscii from 'any-ascii';

/** Longest slug made from a name; a suffix such as "-2" may follow it. */
export const SLUG_MAX_LENGTH = 80;
/** Longest id made from a source's key (entity ids may be 200 long; room is left for "-2"…). */
export const KEY_ID_MAX_LENGTH = 190;

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * The text with every word of letters and digits in ASCII ("Łódź" → "Lodz", "Путин" →
 * "Putin"). Apostrophes that transliteration writes ("Naval'nyy", Arabic ayin as "`") are
 * part of the word and dropped; everything between words is left as it is.
 */
function transliterateWords(text: string): string {
  if (ASCII_ONLY.test(text)) return text;
  return text.replace(WORD, (word) => (ASCII_ONLY.test(word) ? word : anyAscii(word).replace(/['`]/g, '')));
}

function cut(slug: string, maxLength: number): string {
  return slug.slice(0, maxLength).replace(/-+$/, '');
}

/**
 * The id slug of a name: lower-case ASCII letters and digits joined by "-" ("Elon Musk" →
 * "elon-musk", "Marija Lukić" → "marija-lukic", "O'Brien" → "obrien", "Владимир Путин" →
 * "vladimir-putin"), at most SLUG_MAX_LENGTH long; `fallback` when nothing is left ("★").
 */
export function slugify(name: string, fallback = 'entity'): string {
  const words = transliterateWords(name).replace(/['’]/g, '').toLowerCase();
  const slug = cut(words.replace(/[^a-z0-9]+/g, '-').replace(/^-+/, ''), SLUG_MAX_LENGTH);
  return slug === '' ? fallback : slug;
}

/**
 * The words of a text as lower-case ASCII, transliterated as slugify does ("Владимир
 * Путин" → ["vladimir", "putin"], "O'Brien" → ["obrien"], "Musk, E." → ["musk", "e"]),
 * without slugify's length cut: how names are compared for duplicates.
 */
export function asciiWords(text: string): string[] {
  const words = transliterateWords(text).replace(/['’]/g, '').toLowerCase();
  return words.split(/[^a-z0-9]+/).filter((word) => word !== '');
}

/**
 * A source's key made into an entity id, as close to the key as it can stay: case and the
 * id characters ".", "_", ":" and "-" are kept, anything else between words becomes "-"
 * ("Frau Lina Dachner" → "Frau-Lina-Dachner", "Мария" → "Mariya"). Empty when nothing is left.
 */
export function idFromKey(key: string): string {
  return cut(
    transliterateWords(key)
      .replace(/[^A-Za-z0-9._:-]+/g, '-')
      .replace(/^[^A-Za-z0-9]+/, ''),
    KEY_ID_MAX_LENGTH,
  );
}
