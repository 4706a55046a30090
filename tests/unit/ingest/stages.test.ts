import { describe, expect, it } from 'vitest';
import { buildGazetteer, matchMentions } from '../../../src/ingest/gazetteer.js';
import type { KnownEntity } from '../../../src/ingest/knownEntities.js';
import { splitSentences } from '../../../src/ingest/splitSentences.js';
import { findDates } from '../../../src/ingest/dates.js';
import { findFigures } from '../../../src/ingest/figures.js';
import { attribution } from '../../../src/ingest/hedges.js';
import { buildDraftFrom } from '../../../src/ingest/buildDraft.js';

const known: KnownEntity[] = [
  { id: 'sohr', kind: 'group', name: 'Syrian Observatory for Human Rights', names: ['Syrian Observatory for Human Rights', 'SOHR'], subtype: 'monitor', unnamed: false },
  { id: 'ahmed-al-sharaa', kind: 'person', name: 'Ahmed al-Sharaa', names: ['Ahmed al-Sharaa'], unnamed: false },
  { id: 'marco-rubio', kind: 'person', name: 'Marco Rubio', names: ['Marco Rubio'], unnamed: false },
  { id: 'syria', kind: 'group', name: 'Syria', names: ['Syria'], subtype: 'state', unnamed: false },
  { id: 'syria-country', kind: 'place', name: 'Syria', names: ['Syria'], subtype: 'country', territoryOf: ['syria'], unnamed: false },
  { id: 'tartus', kind: 'place', name: 'Tartus', names: ['Tartus'], subtype: 'city', unnamed: false },
  { id: 'hama', kind: 'place', name: 'Hama', names: ['Hama'], subtype: 'city', unnamed: false },
  { id: 'ali-hasan-a', kind: 'person', name: 'Ali Hasan', names: ['Ali Hasan'], unnamed: false },
  { id: 'omar-hasan-b', kind: 'person', name: 'Omar Hasan', names: ['Omar Hasan'], unnamed: false },
  { id: 'hamas', kind: 'group', name: 'Hamas', names: ['Hamas'], subtype: 'armed_group', unnamed: false },
  { id: 'jableh', kind: 'place', name: 'Jableh', names: ['Jableh'], subtype: 'city', unnamed: false },
  { id: 'assad-regime', kind: 'group', name: 'Assad regime', names: ['Assad regime'], subtype: 'government', unnamed: false },
  { id: 'bashar-al-assad', kind: 'person', name: 'Bashar al-Assad', names: ['Bashar al-Assad', 'Bashar Assad', 'Assad'], unnamed: false },
  { id: 'maher-al-assad', kind: 'person', name: 'Maher al-Assad', names: ['Maher al-Assad'], unnamed: false },
  { id: 'defence-ministry', kind: 'group', name: 'Ministry of Defence', names: ['Ministry of Defence'], subtype: 'government_body', unnamed: false },
  { id: 'russia', kind: 'place', name: 'Russia', names: ['Russia'], subtype: 'country', unnamed: false },
  { id: 'russia-state', kind: 'group', name: 'Russia', names: ['Russia'], subtype: 'state', unnamed: false },
  { id: 'clashes', kind: 'event', name: 'Western Syria clashes', names: ['Western Syria clashes'], unnamed: false },
  { id: 'western-syria', kind: 'place', name: 'Western Syria', names: ['Western Syria'], subtype: 'region', unnamed: false },
];

function link(text: string) {
  const sentences = splitSentences(text);
  return { sentences, ...matchMentions(text, sentences, buildGazetteer(known)) };
}

describe('gazetteer mention matching', () => {
  it('links folded spellings as the API resolves them, and quotes the text as written', () => {
    const { mentions } = link('Clashes hit Tartous. President Ahmad Al-Sharaa spoke.');
    expect(mentions.map((m) => [m.entityId, m.text])).toEqual([['tartus', 'Tartous'], ['ahmed-al-sharaa', 'Ahmad Al-Sharaa']]);
  });

  it('links a surname only after the full name, and only when one such person was named', () => {
    expect(link('Rubio spoke first. Then Marco Rubio spoke.').mentions.map((m) => m.text)).toEqual(['Marco Rubio']);
    expect(link('Marco Rubio spoke. Rubio said more.').mentions.map((m) => [m.entityId, m.how])).toEqual([['marco-rubio', 'full'], ['marco-rubio', 'surname']]);
    // Two people named Hasan in context: the bare surname stays unlinked.
    expect(link('Ali Hasan and Omar Hasan met. Hasan left.').mentions.map((m) => m.text)).toEqual(['Ali Hasan', 'Omar Hasan']);
  });

  it('answers the state for a country name shared with its territory', () => {
    expect(link('Syria said so.').mentions.map((m) => [m.entityId, m.how])).toEqual([['syria', 'state-over-territory']]);
  });

  it('links what the ladder resolves at its name steps: respellings, reorderings, possessives inside a name', () => {
    const ids = (text: string) => link(text).mentions.map((m) => [m.entityId, m.text, m.how]);
    expect(ids('Fighting reached Jabla and the Defense Ministry replied.')).toEqual([['jableh', 'Jabla', 'spelling'], ['defence-ministry', 'Defense Ministry', 'spelling']]);
    expect(ids('Rebels toppled Assad’s regime.')).toEqual([['assad-regime', 'Assad’s regime', 'full']]);
    // A respelling must be written as a name: not a capitalised common word at a sentence's start.
    expect(ids('Homes were burned. They blamed Hamas.')).toEqual([['hamas', 'Hamas', 'full']]);
    // The longest span the case rules accept: "Bashar Assad has" is "Bashar Assad" respelt, to the ladder.
    expect(ids('Bashar Assad has left.')).toEqual([['bashar-al-assad', 'Bashar Assad', 'full']]);
    // Names inside an event's name are mentions too.
    expect(ids('The Western Syria clashes began.').map((m) => m[0])).toEqual(['clashes', 'western-syria']);
  });

  it('breaks a tie the ladder reports only by an earlier mention in the document', () => {
    // "Assad" alone: the ladder finds Bashar (an alias) and Maher (a name-word): AMBIGUOUS.
    expect(link('Assad spoke.').ambiguous.map((a) => a.text)).toEqual(['Assad']);
    expect(link('Bashar al-Assad left. Assad spoke.').mentions.map((m) => [m.entityId, m.how])).toEqual([['bashar-al-assad', 'full'], ['bashar-al-assad', 'context']]);
    // A country and a state of one name without a TERRITORY_OF link: still the state (the v2 rule).
    expect(link('Russia said so.').mentions.map((m) => [m.entityId, m.how])).toEqual([['russia-state', 'state-over-territory']]);
  });

  it('does not link a capitalised name to lower-case text, nor a possessive into the name', () => {
    expect(link('the hama of it').mentions).toEqual([]);
    expect(link('Hama’s mayor left.').mentions.map((m) => m.text)).toEqual(['Hama']);
  });
});

describe('sentences', () => {
  it('uses the codebase’s one splitter, quoting the original text verbatim', () => {
    const text = 'The U.S.  Secretary of State spoke. [7] Clashes went on.\n| 344+ civilians killed (SOHR claim) | 12 captured |';
    const s = splitSentences(text);
    expect(s.map((x) => [x.text, x.kind])).toEqual([
      ['The U.S.  Secretary of State spoke. [7]', 'prose'], ['Clashes went on.', 'prose'],
      ['344+ civilians killed (SOHR claim)', 'infobox'], ['12 captured', 'infobox'],
    ]);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
  });
});

describe('dates', () => {
  it('resolves a weekday to the last one on or before the report, with week precision', () => {
    const s = splitSentences('Gunmen attacked a patrol on Thursday. On 6 March 2025 it spread. In December 2024 it began.');
    expect(findDates(s, '2025-03-10').map((d) => [d.text, d.value, d.precision])).toEqual([
      ['on Thursday', '2025-03-06', 'week'], ['On 6 March 2025', '2025-03-06', 'day'], ['December 2024', '2024-12', 'month'],
    ]);
  });
});

describe('figures', () => {
  const figures = (text: string) => {
    const sentences = splitSentences(text);
    const { mentions } = matchMentions(text, sentences, buildGazetteer(known));
    return sentences.flatMap((s) => findFigures(s, { attribution: attribution(s, mentions), mentions, subtypeOf: () => undefined }))
      .map((f) => [f.value, f.qualifier, f.measure, f.victims, f.claimedBy ?? null]);
  };

  it('reads qualifier, measure, victims and the claimant', () => {
    expect(figures('The death toll has surpassed 70, according to SOHR.')).toEqual([[70, 'more_than', 'killed', 'unspecified', 'sohr']]);
    expect(figures('At least 23 civilians were killed and nearly 40 were wounded.')).toEqual([[23, 'at_least', 'killed', 'civilians', null], [40, 'about', 'wounded', 'unspecified', null]]);
    expect(figures('The clashes left 14 policemen and three attackers dead.')).toEqual([[14, 'exact', 'killed', 'security_forces', null], [3, 'exact', 'killed', 'insurgents', null]]);
  });

  it('gives both numbers of "an estimated 125 out of 140 civilians"', () => {
    expect(figures('An estimated 125 out of 140 civilians were reportedly slain.')).toEqual([[125, 'about', 'killed', 'civilians', null], [140, 'exact', 'killed', 'civilians', null]]);
  });

  it('reads the measure from a noun before the number, a shared "and", a second verb and "without any"', () => {
    expect(figures('Clashes led to the injury of 10 people and the deaths of a member of the security forces and a local gunman.')).toEqual([
      [10, 'exact', 'wounded', 'unspecified', null], [1, 'exact', 'killed', 'security_forces', null], [1, 'exact', 'killed', 'insurgents', null],
    ]);
    expect(figures('The raid ended with the rescue of two kidnapped soldiers, without any casualties.')).toEqual([[2, 'exact', 'rescued', 'security_forces', null], [0, 'exact', 'casualties', 'unspecified', null]]);
    expect(figures('Two civilians were kidnapped and shot dead by unidentified gunmen.')).toEqual([[2, 'exact', 'kidnapped', 'civilians', null], [2, 'exact', 'killed', 'civilians', null]]);
    expect(figures('Gunmen killed one troop and injured another.')).toEqual([[1, 'exact', 'killed', 'security_forces', null], [1, 'exact', 'wounded', 'security_forces', null]]);
    expect(figures('SOHR reported a massacre of more than 500 civilians.')).toEqual([[500, 'more_than', 'killed', 'civilians', 'sohr']]);
    expect(figures('The bodies of six civilians were found where they had gone missing.')).toEqual([[6, 'exact', 'killed', 'civilians', null]]);
  });

  it('reads a count after a date, but not the agent after "by"', () => {
    expect(figures('On 24 December, three judges were executed by two gunmen.')).toEqual([[3, 'exact', 'executed', 'civilians', null]]);
    expect(figures('On March 6 the town fell.')).toEqual([]);
  });

  it('ignores years, durations and footnote markers', () => {
    expect(figures('In 2011, over 13 years, [15] nothing was killed.').filter((f) => f[0] !== undefined && f[0] !== 13)).toEqual([]);
    expect(figures('The war lasted 13 years and four days.')).toEqual([]);
  });
});

describe('events', () => {
  const draft = (text: string) => buildDraftFrom(text, { id: 'doc-t', asOf: '2025-03-12' }, known, new Set());

  it('proposes typed, dated, placed incidents and attaches each figure to the one it is about', () => {
    const d = draft([
      'The clashes were rooted in years of rule by the Assad family.',
      'Government helicopters carried out airstrikes near Jableh on Tuesday.',
      'SOHR said 14 people were killed.',
      'On 8 March, gunmen executed three civilians in Hama.',
    ].join('\n'));
    expect(d.events.map((e) => [e.eventType, e.subEventType, e.start, e.datePrecision, e.place ?? null, e.placePrecision ?? null, e.sentences])).toEqual([
      ['Explosions/Remote violence', 'Air/drone strike', '2025-03-11', 'week', 'jableh', 'near', [1, 2]],
      ['Violence against civilians', 'Attack', '2025-03-08', 'day', 'hama', 'exact', [3]],
    ]);
    // The undated background sentence is no incident; the toll in the next line is the airstrikes'.
    expect(d.figures.map((f) => [f.value, f.measure, f.about])).toEqual([[14, 'killed', d.events[0]!.id], [3, 'executed', d.events[1]!.id]]);
  });

  it('proposes who took part: the reporter, the perpetrator before the cue, the target after "against"', () => {
    const d = draft('On 8 March, the Syrian Observatory for Human Rights reported that Hamas launched an attack against Ahmed al-Sharaa in Hama.');
    const e = d.events[0]!;
    expect(d.relations.filter((r) => r.to === e.id).map((r) => [r.type, r.from, r.role ?? null])).toEqual([
      ['REPORTED', 'sohr', null], ['PARTICIPATED_IN', 'hamas', 'participant'], ['PARTICIPATED_IN', 'ahmed-al-sharaa', 'target'],
    ]);
  });

  it('places an incident at a new village named after "in", not taken for a person', () => {
    const d = draft('On 16 December, masked men kidnapped a civilian in Al-Shajar.');
    expect(d.newEntities.map((n) => [n.id, n.kind])).toEqual([['al-shajar', 'place']]);
    expect(d.events.map((e) => [e.subEventType, e.start, e.place])).toEqual([['Abduction/forced disappearance', '2024-12-16', 'al-shajar']]);
  });

  it('does not draft an infobox row or a known event named as such', () => {
    const d = draft('| 312 security forces killed |\nThe Western Syria clashes began on 6 March 2025.');
    expect(d.events).toEqual([]);
    expect(d.figures.map((f) => f.about)).toEqual(['clashes']);
  });
});

describe('draft model', () => {
  it('proposes a typed relationship with the sentence’s own verb phrase and hedge', () => {
    const text = 'Syrian Observatory for Human Rights reportedly condemned Ahmed al-Sharaa.';
    const d = buildDraftFrom(text, { id: 'doc-t', asOf: '2025-03-10' }, known, new Set());
    expect(d.relations.map((r) => [r.type, r.from, r.to, r.predicate, r.certainty])).toEqual([['CONDEMNED', 'sohr', 'ahmed-al-sharaa', 'condemned', 'reported']]);
  });

  it('offers a new name, with a near match to a known one as POSSIBLY_SAME_AS and its reason', () => {
    // "Marko Rubio" is a respelling the API resolves (SPELLING); "Marco Rubin" is beyond the folding.
    const text = 'Residents said Marco Rubin visited the village of Beit Yashout.';
    const d = buildDraftFrom(text, { id: 'doc-t', asOf: '2025-03-10' }, known, new Set());
    expect(d.newEntities.map((n) => [n.name, n.kind])).toEqual(expect.arrayContaining([['Beit Yashout', 'place']]));
    const same = d.relations.filter((r) => r.type === 'POSSIBLY_SAME_AS');
    expect(same.map((r) => r.to)).toContain('marco-rubio');
    expect(same[0]!.note).toMatch(/differs from the known name "Marco Rubio" by 1 letter/);
    expect(buildDraftFrom('Residents said Marko Rubio visited.', { id: 'doc-t', asOf: '2025-03-10' }, known, new Set()).mentions.map((m) => [m.entityId, m.how])).toEqual([['marco-rubio', 'spelling']]);
  });
});
