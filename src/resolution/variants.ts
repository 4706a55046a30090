/**
 * The spellings of a name that a reader would take for the same name, as comparable keys.
 *
 * Four levels, each more forgiving than the one before (see ./index.ts for how they are used):
 * - `exact`: src/text/normalizeName.ts's key (case, diacritics, apostrophes, hyphens, the Arabic
 *   article, a few fixed transliterations like Mohammed/Muhammad folded).
 * - `reordered`: the content words (small words like of/at/in/the dropped), sorted: "ambush at
 *   Khirbet al-Ma'zah" = "Khirbet al-Ma'zah ambush".
 * - `spelling`: every word reduced to a transliteration skeleton (`spellingWord`) — q/k, c/k/s,
 *   kh/h, gh/g, dh/d, ph/f, z/s, doubled letters, vowels and y/i folded, final -ah/-eh/-a and a
 *   plural -s dropped, British -re/-ce — twice: joined with no spaces (joined or split compounds:
 *   "Tal Kalakh" = "Talkalakh", "airbase" = "air base") and word by word, sorted.
 * - `words`: the content words' skeletons one by one, for partial matches (a surname, part of a
 *   name), with adjacent pairs also joined ("air base" also gives "airbase").
 */
import { nameWords } from '../text/normalizeName.js';

/** Small words that do not distinguish one name from another. */
export const SMALL_WORDS: ReadonlySet<string> = new Set([
  'the', 'of', 'in', 'at', 'on', 'a', 'an', 'and', 'for', 'by', 'to', 'from', 'with', 'into', 'near', 'its',
]);

/**
 * The words of a text as src/text/normalizeName.ts folds them, with a possessive 's dropped
 * ("Kanjo Hassan's brother" → kanjo hasan brother), so "Hassan's" and "Hassan" are one word.
 */
export function foldedWords(text: string): string[] {
  return nameWords(text.replace(/['\u2019\u02BC]s\b/giu, ''));
}

/** The words of a text that carry meaning: folded, small words dropped. */
export function contentWords(text: string): string[] {
  return foldedWords(text).filter((w) => !SMALL_WORDS.has(w));
}

const VOWEL_RUN = /[aeiouy]+/g;

/**
 * A word's transliteration skeleton: two spellings of one Arabic (or British/American) word get
 * the same skeleton. Words shorter than 4 letters and words with digits are kept as they are:
 * their skeletons would collide too easily.
 */
export function spellingWord(word: string): string {
  if (word.length < 4 || /\d/.test(word)) return word;
  let s = word
    .replace(/([^aeiou])re$/, '$1er') // centre → center
    .replace(/ch/g, 'sh')
    .replace(/c(?=[eiy])/g, 's') // defence → defense
    .replace(/[cq]/g, 'k')
    .replace(/kh/g, 'h') // Khmeimim → Hmeimim
    .replace(/gh/g, 'g')
    .replace(/dh/g, 'd')
    .replace(/th/g, 't')
    .replace(/ph/g, 'f')
    .replace(/z/g, 's')
    .replace(/w/g, 'u')
    .replace(/(.)\1+/g, '$1'); // doubled letters
  if (s.length >= 6 && /[^s]s$/.test(s)) s = s.slice(0, -1); // a plural -s: Alawites → Alawite (not Hamas → Hama)
  s = s.replace(/([aeiouy])h$/, '$1'); // final -ah, -eh
  const bare = s.replace(/[ae]$/, ''); // a final -a or -e: Jabla, Jableh → jabl (not -i: Shami ≠ Sham)
  if (bare.length >= 3) s = bare;
  // Vowels (and y) inside a word are one class; the first letter stays as it is (ISIS ≠ Aziziyah).
  return s[0]! + s.slice(1).replace(VOWEL_RUN, 'a');
}

/** The comparable forms of one name (see the file comment). */
export interface NameVariants {
  exact: string;
  reordered: string;
  spellingJoined: string;
  spellingSorted: string;
  /** Skeletons of the content words, in order. */
  words: string[];
}

/** The comparable forms of a name or of what a user typed. */
export function nameVariants(text: string): NameVariants {
  const folded = foldedWords(text);
  const content = folded.filter((w) => !SMALL_WORDS.has(w));
  // A name made only of small words ("The") keeps them, so that it still has a form.
  const meaningful = content.length > 0 ? content : folded;
  const skeletons = meaningful.map(spellingWord);
  return {
    exact: folded.join(' '),
    reordered: [...meaningful].sort().join(' '),
    spellingJoined: spellingWord(meaningful.join('')),
    spellingSorted: [...skeletons].sort().join(' '),
    words: skeletons,
  };
}

/** The words of a description or role as they are (folded, no skeleton: "homes" is not "Hamas"). */
export function plainWordKeys(text: string): string[] {
  return [...new Set(contentWords(text))];
}

/** The word skeletons a name contributes to partial matching: each word, and adjacent pairs joined. */
export function wordKeys(text: string): string[] {
  const content = contentWords(text);
  const keys = new Set(content.map(spellingWord));
  for (let i = 0; i + 1 < content.length; i++) keys.add(spellingWord(content[i]! + content[i + 1]!));
  return [...keys];
}
