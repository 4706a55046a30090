import { describe, expect, it } from 'vitest';
import { bestMatchingName, boundedLevenshtein } from '../../../src/resolvers/matchedName.js';

describe('bestMatchingName', () => {
  it('picks the alias the text was closest to', () => {
    expect(bestMatchingName('Tartous', 'Tartus', ['Tartous'])).toBe('Tartous');
    expect(bestMatchingName('tartus', 'Tartus', ['Tartous'])).toBe('Tartus');
    expect(bestMatchingName('GSS', 'General Security Service', ['GSS'])).toBe('GSS');
    expect(bestMatchingName('Hay at Tahrir', "Hay'at Tahrir al-Sham", ['HTS'])).toBe("Hay'at Tahrir al-Sham");
    expect(bestMatchingName('Kanjo al-Hasan', 'Mohammad Kanjo Hassan', ['al-Hassan', 'Mohammed Kanjo Hassan'])).toBe('Mohammad Kanjo Hassan');
  });

  it('forgives typos', () => {
    expect(bestMatchingName('Latakya', 'Latakia Governorate', ['Latakia province', 'Ladhiqiyah'])).toBe('Latakia Governorate');
  });
});

describe('boundedLevenshtein', () => {
  it('counts edits up to the bound', () => {
    expect(boundedLevenshtein('kitten', 'sitting', 3)).toBe(3);
    expect(boundedLevenshtein('abc', 'abc', 1)).toBe(0);
    expect(boundedLevenshtein('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});
