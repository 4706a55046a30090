/**
 * Name keys: the forgiving form of a name used for exact lookups under any spelling.
 * Two spellings that a reader would take for the same name get the same key:
 * case, diacritics, apostrophe styles (' ’ ʿ ʾ `), hyphens and spacing, the Arabic article
 * (al-/Al-/el-/ad-…), and common transliteration variants (Mohammad/Mohammed/Muhammad, Ahmed/Ahmad).
 * The exact step of name resolution (src/resolution) compares these keys; the loader stores them,
 * with the ladder's other keys, in `lookupKeys` (src/resolution/lookupKeys.ts).
 */

/** Transliteration variants folded to one spelling, applied per word after other folding. */
const WORD_VARIANTS: Record<string, string> = {
  mohammad: 'muhammad', mohammed: 'muhammad', muhammed: 'muhammad', mohamed: 'muhammad',
  mohamad: 'muhammad', muhamad: 'muhammad', mhammad: 'muhammad',
  ahmed: 'ahmad',
  hassan: 'hasan', hussain: 'husayn', hussein: 'husayn', husain: 'husayn', hosein: 'husayn',
  suhail: 'suhayl', sohail: 'suhayl',
  tartous: 'tartus', tartos: 'tartus',
  sednaya: 'saydnaya', saidnaya: 'saydnaya', sednayya: 'saydnaya',
  lattakia: 'latakia', latakiya: 'latakia', ladhiqiyah: 'latakia',
  baniyas: 'banias', banyas: 'banias',
  hayat: 'hayat', hayaat: 'hayat',
  zahraa: 'zahra', zahra: 'zahra',
  joumhouryah: 'jumhuriya', jumhoriya: 'jumhuriya', jumhuriyah: 'jumhuriya',
  alawi: 'alawite', alawis: 'alawites',
};

/** The Arabic article in its transliterations, joined to the next word by a hyphen or space. */
const ARTICLE = /^(al|el|ad|ar|as|ash|at|az|an)$/;

/** Split a name into folded words. */
export function nameWords(input: string): string[] {
  const folded = input
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '') // combining marks (diacritics)
    .toLowerCase()
    .replace(/[\u2018\u2019\u02BB\u02BC\u02BD\u02BE\u02BF\u0060\u00B4']/g, '') // apostrophes and ayn/hamza marks
    .replace(/[^\p{L}\p{N}]+/gu, ' ') // hyphens, dots, punctuation, spacing
    .trim();
  if (folded === '') return [];
  return folded
    .split(' ')
    .filter((w) => !ARTICLE.test(w))
    .map((w) => WORD_VARIANTS[w] ?? w);
}

/** The lookup key of one name: folded words joined by single spaces. */
export function nameKey(input: string): string {
  return nameWords(input).join(' ');
}
