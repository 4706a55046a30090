import { describe, expect, it } from 'vitest';
import { generatePassword } from '../../../src/platform/instancePassword.js';

describe('generatePassword', () => {
  it('gives distinct 24-character URL-safe passwords that never start like a command-line option', () => {
    // base64url starts with `-` or `_` once in 32: 2,000 draws would show it (P(miss) ≈ 1e-28).
    const passwords = Array.from({ length: 2_000 }, generatePassword);
    for (const p of passwords) {
      expect(p).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{23}$/);
    }
    expect(new Set(passwords).size).toBe(passwords.length);
  });
});
