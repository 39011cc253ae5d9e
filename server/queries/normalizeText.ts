// Text as search compares it: accents removed (NFKD then combining marks dropped), lower
// case, and anything that is not a letter or digit turned into a single space. So
// "Peskóv", "PESKOV" and "peskov" are one word, and "Musk's" is "musk s".
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function tokenize(text: string): string[] {
  const normalized = normalizeText(text);
  return normalized === '' ? [] : normalized.split(' ');
}
