import { describe, expect, it } from 'vitest';
import {
  keyQuery, lookupKeys, matchName, nameVariants, resolveName, spellingWord, typedName, wordQuery, laterWordQuery, looseWordQuery,
  tierQueries, tierOf, MAX_TIER, couldChangeWithMore, rankCandidates, evidenceKeys,
  closeSpelling, type NameCandidate,
} from '../../../src/resolution/index.js';

const entity = (id: string, kind: string, name: string, more: Partial<NameCandidate> = {}): NameCandidate => ({
  id, kind, name, aliases: [], unnamed: false, ...more,
});

/** A small cast with the name clashes of the real seed. */
const CAST: NameCandidate[] = [
  entity('kanjo', 'Person', 'Mohammad Kanjo Hassan', { aliases: ['Mohammed Kanjo Hassan', 'al-Hassan'] }),
  entity('suhayl', 'Person', 'Suhayl al-Hasan', { aliases: ['The Tiger'] }),
  entity('ghani', 'Person', 'Hassan Abdel Ghani'),
  entity('shami1', 'Person', 'Ahmad al-Shami'),
  entity('shami2', 'Person', 'Abu Aisha Al-Shami'),
  entity('legion', 'Group', 'Sham Legion'),
  entity('new-army', 'Group', 'new Syrian Army', { aliases: ['Syrian Army'] }),
  entity('saa', 'Group', 'Syrian Arab Army'),
  entity('homs', 'Place', 'Homs', { placeType: 'city' }),
  entity('homs-gov', 'Place', 'Homs Governorate', { placeType: 'governorate' }),
  entity('jableh', 'Place', 'Jableh', { placeType: 'city' }),
  entity('talkalakh', 'Place', 'Talkalakh'),
  entity('khmeimim', 'Place', 'Khmeimim Air Base', { placeType: 'base' }),
  entity('mod', 'Group', 'Ministry of Defence', { aliases: ['Defense Ministry'] }),
  entity('ambush', 'Event', "Khirbet al-Ma'zah ambush"),
  entity('village', 'Place', "Khirbet al-Ma'zah"),
  entity('homes-event', 'Event', 'Homes of Alawite families looted and set on fire'),
  entity('isis', 'Group', 'Islamic State', { commonNames: ['ISIS'] }),
  entity('rubio', 'Person', 'Marco Rubio', { aliases: ['Rubio'], roles: ['U.S. Secretary of State'] }),
  entity('brother', 'Person', "Mohammed Kanjo Hassan's brother", { unnamed: true }),
  entity('un-office', 'Group', 'United Nations Human Rights Office'),
  entity('sohr', 'Group', 'Syrian Observatory for Human Rights', { aliases: ['SOHR'] }),
];

function outcome(name: string, cast = CAST) {
  const r = resolveName(typedName(name), cast);
  if (r.status === 'ONE') return { one: r.candidate.id, how: r.match.how };
  if (r.status === 'AMBIGUOUS') return { ambiguous: r.ranked.map((x) => x.candidate.id) };
  return { none: true };
}

describe('spellingWord: transliteration skeletons', () => {
  it.each([
    ['sednaya', 'saydnaya'], ['jabla', 'jableh'], ['jablah', 'jableh'], ['hmeimim', 'khmeimim'], ['kardaha', 'qardaha'],
    ['lattakia', 'latakia'], ['latakiya', 'latakia'], ['defense', 'defence'], ['center', 'centre'], ['maza', 'mazah'],
    ['kneifaty', 'kneifati'], ['hizbullah', 'hezbollah'], ['alawite', 'alawites'],
  ])('%s ~ %s', (a, b) => expect(spellingWord(a)).toBe(spellingWord(b)));

  it.each([['shami', 'sham'], ['isis', 'aziziyah'], ['hamas', 'hama'], ['homs', 'hama']])('%s ≁ %s', (a, b) => expect(spellingWord(a)).not.toBe(spellingWord(b)));

  it('keeps short words and words with digits as they are', () => {
    expect(spellingWord('un')).toBe('un');
    expect(spellingWord('m4')).toBe('m4');
  });

  it('tells close spellings from words whose skeletons merely collide', () => {
    expect(spellingWord('homes')).toBe(spellingWord('hamas'));
    expect(closeSpelling('homes', 'hamas')).toBe(false);
    expect(closeSpelling('hmeimim', 'khmeimim')).toBe(true);
    expect(closeSpelling('tahreer', 'tahrir')).toBe(true);
  });
});

describe('nameVariants', () => {
  it('reorders content words and drops small words and possessives', () => {
    expect(nameVariants("ambush at Khirbet al-Ma'zah").reordered).toBe(nameVariants("Khirbet al-Ma'zah ambush").reordered);
    expect(nameVariants("Kanjo Hassan's brother").exact).toBe('kanjo hasan brother');
  });

  it('joins split compounds for the spelling key', () => {
    expect(nameVariants('Tal Kalakh').spellingJoined).toBe(nameVariants('Talkalakh').spellingJoined);
    expect(nameVariants('Khmeimim airbase').spellingJoined).toBe(nameVariants('Khmeimim Air Base').spellingJoined);
  });
});

describe('matchName: one scorer for every step', () => {
  it.each([
    ['Homs', 'homs', 'EXACT', 1],
    ['Defense Ministry', 'mod', 'ALIAS', 0.95],
    ['ISIS', 'isis', 'COMMON_NAME', 0.9],
    ["ambush at Khirbet al-Ma'zah", 'ambush', 'REORDERED', 0.85],
    ['Jabla', 'jableh', 'SPELLING', 0.8],
    ['Tal Kalakh', 'talkalakh', 'SPELLING', 0.8],
  ])('%s → %s %s', (text, id, how, score) => {
    const m = matchName(typedName(text), CAST.find((c) => c.id === id)!);
    expect(m).toMatchObject({ how, score });
  });

  it('scores a partial match by how much of the name was typed', () => {
    const kanjo = CAST.find((c) => c.id === 'kanjo')!;
    const one = matchName(typedName('Kanjo'), kanjo)!;
    const two = matchName(typedName('Kanjo Hassan'), kanjo)!;
    expect(one.how).toBe('PARTIAL');
    expect(two.score).toBeGreaterThan(one.score);
  });

  it('finds a role or title at the description step', () => {
    expect(matchName(typedName('Secretary of State'), CAST.find((c) => c.id === 'rubio')!)).toMatchObject({ how: 'DESCRIPTION', matchedName: 'U.S. Secretary of State' });
  });

  it('never answers an unnamed entity from part of its name', () => {
    const brother = CAST.find((c) => c.id === 'brother')!;
    expect(matchName(typedName('brother'), brother)).toBeNull();
    expect(matchName(typedName("Mohammed Kanjo Hassan's brother"), brother)?.how).toBe('EXACT');
  });

  it('names the alias typed when it folds like the canonical name', () => {
    const tartus = entity('tartus', 'Place', 'Tartus', { aliases: ['Tartous'] });
    expect(matchName(typedName('Tartous'), tartus)).toMatchObject({ how: 'ALIAS', matchedName: 'Tartous' });
    expect(matchName(typedName('tartus'), tartus)).toMatchObject({ how: 'EXACT', matchedName: 'Tartus' });
  });
});

describe('resolveName: one answer only when it is clearly the one', () => {
  it('answers a surname or part of a name that only one entity has', () => {
    expect(outcome('Kanjo')).toEqual({ one: 'kanjo', how: 'PARTIAL' });
    expect(outcome('Hmeimim')).toEqual({ one: 'khmeimim', how: 'PARTIAL' });
  });

  it('"Hasan" and "Hassan": a one-word name several people carry is AMBIGUOUS, even through an alias', () => {
    expect(outcome('Hasan').ambiguous).toEqual(expect.arrayContaining(['kanjo', 'suhayl', 'ghani']));
    expect(outcome('Hassan').ambiguous).toEqual(expect.arrayContaining(['kanjo', 'ghani']));
    expect(outcome('Hassan').ambiguous![0]).toBe('kanjo'); // the alias ranks first
  });

  it('"al-Shami" is AMBIGUOUS between the two people, and "Sham Legion" is no candidate', () => {
    expect(outcome('al-Shami').ambiguous).toEqual(['shami1', 'shami2']);
  });

  it('"Syrian Army": an alias contested by a same-kind canonical name holding its words is AMBIGUOUS', () => {
    expect(outcome('Syrian Army').ambiguous).toEqual(['new-army', 'saa']);
  });

  it('an exact canonical name is not contested by longer names', () => {
    expect(outcome('Homs')).toEqual({ one: 'homs', how: 'EXACT' });
  });

  it('an alias no other name contests is answered', () => {
    expect(outcome('Rubio')).toEqual({ one: 'rubio', how: 'ALIAS' });
  });

  it('a close runner-up at the partial step makes it AMBIGUOUS; a clear lead answers', () => {
    const cast = [entity('gss', 'Group', 'General Security Service'), entity('gsa', 'Group', 'General Security Administration')];
    expect(outcome('General Security', cast).ambiguous).toEqual(['gss', 'gsa']); // tied: the shorter name first
    expect(outcome('Security Service', cast)).toEqual({ one: 'gss', how: 'PARTIAL' });
  });

  it('reads an acronym for other words of a name at the last step, and nothing else', () => {
    expect(outcome('UN Human Rights Office')).toEqual({ one: 'un-office', how: 'PARTIAL' });
    expect(outcome('Free Syrian Army')).toEqual({ none: true });
  });

  it('does not mistake an ordinary word for a name with the same skeleton', () => {
    expect(outcome('Hamas')).toEqual({ none: true });
  });

  it('answers the state for a bare country name matching the state and its own territory', () => {
    const state = entity('syria-state', 'Group', 'Syria', { groupType: 'state' });
    const country = entity('syria', 'Place', 'Syria', { placeType: 'country', territoryOf: ['syria-state'] });
    expect(outcome('Syria', [country, state])).toEqual({ one: 'syria-state', how: 'EXACT' });
    // Without the TERRITORY_OF link they are two entities of one name.
    const unlinked = entity('syria', 'Place', 'Syria', { placeType: 'country' });
    expect(outcome('Syria', [unlinked, state]).ambiguous).toHaveLength(2);
  });
});

describe('lookup keys and their queries', () => {
  it('index exact, reordered and spelling keys of every name, and words of named entities only', () => {
    const keys = lookupKeys({ name: "Khirbet al-Ma'zah ambush", aliases: [], description: 'An ambush' });
    expect(keys).toEqual(expect.arrayContaining(['n:khirbet mazah ambush', 'o:ambush khirbet mazah', `w:${spellingWord('khirbet')}`, 'd:ambush']));
    const unnamed = lookupKeys({ name: "Kanjo Hassan's brother", aliases: [], unnamed: true });
    expect(unnamed.some((k) => /^(w\d*|d):/.test(k))).toBe(false);
    expect(lookupKeys({ name: 'Islamic State', aliases: [], commonNames: ['ISIS'] })).toContain('c:isis');
  });

  it('build Lucene queries of quoted, escaped terms only', () => {
    const typed = typedName('a "b" OR c*');
    expect(keyQuery(typed)).toMatch(/^"n\\:[^"]*"( OR "[a-z]\\:[^"]*")+$/);
    expect(wordQuery(typed)).not.toContain('*');
    expect(wordQuery(typed)).toMatch(/^(\+\("w\\:[^"]+"\^2 OR "d\\:[^"]+"\) ?)+$/);
    expect(looseWordQuery(typedName('two words'))).toBeNull();
    // Step 6 reads names holding all typed words but one, never names sharing one common word.
    expect(looseWordQuery(typedName('UN Human Rights'))).toBe(`(+"w\\:${spellingWord('human')}" +"w\\:${spellingWord('rights')}") OR (+"w\\:un" +"w\\:${spellingWord('rights')}") OR (+"w\\:un" +"w\\:${spellingWord('human')}")`);
    for (const { query } of tierQueries(typed)) expect(query).toMatch(/^(\+(\()?"w\d\\:[^"]+"( OR "w\d\\:[^"]+")*\)? ?)+( "k\\:\d")+$/);
  });

  it('tag name words with the length of their name, so partial candidates are read best coverage first', () => {
    const keys = lookupKeys({ name: 'Mohammad Kanjo Hassan', aliases: ['Hassan'] });
    // "Kanjo" covers a third of the canonical name (tier 3); "Hassan" all of the alias (tier 1).
    expect(keys).toEqual(expect.arrayContaining([`w3:${spellingWord('kanjo')}`, `w3:${spellingWord('hasan')}`, `w1:${spellingWord('hasan')}`]));
    expect(keys).not.toContain(`w1:${spellingWord('kanjo')}`);
    expect(tierOf('Clashes in the town of Beit Ana on the coast, 2025-03-06 (#12)')).toBe(MAX_TIER);
    // A two-word typed name reads names of two words first, then three, four, then all longer ones.
    const reads = tierQueries(typedName('Kanjo Hassan'));
    expect(reads.map((t) => t.tier)).toEqual([2, 3, 4, 5]);
    expect(reads[0]!.query).toMatch(new RegExp(`^\\+"w2\\\\:${spellingWord('kanjo')}" \\+"w2\\\\:${spellingWord('hasan')}" "k\\\\:1" `));
    expect(reads[3]!.query).toContain(`"w${MAX_TIER}\\:${spellingWord('kanjo')}"`);
    expect(tierQueries(typedName('one two three four five six seven eight')).map((t) => t.tier)).toEqual([MAX_TIER]);
  });

  it('after the tier reads, read only the roles and description of a one-word name (its w: term is every tier together)', () => {
    expect(laterWordQuery(typedName('Hamas'))).toBe('+"d\\:hamas"');
    // Several words may lie in different names of one entity, which no tier read holds.
    expect(laterWordQuery(typedName('Kanjo Hassan'))).toBe(wordQuery(typedName('Kanjo Hassan')));
  });
});

describe('a cut candidate read', () => {
  const person = (id: string, name: string, aliases: string[] = []) => ({ id, kind: 'Person', name, aliases, unnamed: false });
  it('cannot change an ambiguous answer or an exact canonical name, but can change anything else', () => {
    const kanjo = person('k', 'Mohammad Kanjo Hassan', ['Hassan']);
    const rubio = person('r', 'Marco Rubio', ['Rubio']);
    const exact = typedName('Marco Rubio');
    expect(couldChangeWithMore(exact, resolveName(exact, [rubio]))).toBe(false);
    // An alias could be contested by a person left unread ("Rubio" is a word of other names).
    const alias = typedName('Rubio');
    expect(couldChangeWithMore(alias, resolveName(alias, [rubio]))).toBe(true);
    // A one-word exact name of a person is contested by other people with that word.
    const one = typedName('Hassan');
    const hassan = person('h', 'Hassan');
    expect(couldChangeWithMore(one, resolveName(one, [hassan]))).toBe(true);
    expect(resolveName(one, [hassan, kanjo]).status).toBe('AMBIGUOUS');
    expect(couldChangeWithMore(one, resolveName(one, [hassan, kanjo]))).toBe(false);
    // Partial matches could be outscored or tied; nothing found could be found further on.
    const part = typedName('Kanjo');
    expect(couldChangeWithMore(part, resolveName(part, [kanjo]))).toBe(true);
    expect(couldChangeWithMore(part, resolveName(part, []))).toBe(true);
  });
});

describe('equal matches', () => {
  it('rank the entity more documents speak of first, before the shorter name', () => {
    const cast = [
      entity('syn', 'Person', 'Hasan Asaad Rabib'),
      entity('documented', 'Person', 'Hassan Abdel Ghani', { knownIn: ['doc-001', 'doc-003'] }),
      entity('once', 'Person', 'Hasan Nabil Tarek', { knownIn: ['doc-002'] }),
    ];
    expect(rankCandidates(typedName('Hassan'), cast).map((r) => r.candidate.id)).toEqual(['documented', 'once', 'syn']);
    // A better match still ranks first, however documented the other is.
    const better = [...cast, entity('two-words', 'Person', 'Hasan Dib')];
    expect(rankCandidates(typedName('Hassan'), better)[0]!.candidate.id).toBe('two-words');
  });

  it('are read better-documented first: evidence terms, and optional clauses for them in every tier read', () => {
    expect(evidenceKeys(0)).toEqual([]);
    expect(evidenceKeys(3)).toEqual(['k:1', 'k:2', 'k:3']);
    expect(lookupKeys({ name: 'Hassan Abdel Ghani', aliases: [], documents: 2 })).toEqual(expect.arrayContaining(['k:1', 'k:2']));
    expect(lookupKeys({ name: 'Hassan Abdel Ghani', aliases: [], documents: 2 })).not.toContain('k:3');
    for (const { query } of tierQueries(typedName('Hassan'))) expect(query).toMatch(/^\+.* "k\\:1" "k\\:2"/);
  });
});
