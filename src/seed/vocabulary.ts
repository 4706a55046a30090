/**
 * The controlled vocabulary of the graph: every label, relationship type, event type and
 * enumerated property value that the seed files, the loader and the API may use. Labels and
 * relationship types reach Cypher only through these whitelists, never from user input.
 */

/** Node labels of entities a user can look up; every one also carries the `Entity` label. */
export const ENTITY_LABELS = ['Person', 'Group', 'Place', 'Event'] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];

/** Relationship types, with what each one states (direction: from → to). */
export const RELATION_TYPES = {
  LED_BY: 'group or event → person/group leading or commanding it',
  MEMBER_OF: 'person/group → group it belongs to',
  PART_OF: 'group → larger group; event → larger event',
  AFFILIATED_WITH: 'actor → actor it is affiliated or aligned with',
  LOYAL_TO: 'actor → person/group it is loyal to',
  SUPPORTED_BY: 'actor → actor supporting it',
  RELATIVE_OF: 'person → relative (note says which)',
  OPPOSED: 'actor → actor it announced opposition to or fights',
  AMBUSHED: 'perpetrator → target of an ambush',
  ATTACKED: 'perpetrator → target (actor or place) of an attack',
  KILLED: 'perpetrator → person/group killed',
  KIDNAPPED: 'perpetrator → person/group kidnapped or taken hostage',
  CAPTURED: 'actor → person/group/thing captured or arrested',
  ARRESTED: 'actor → person/group arrested or detained',
  RESCUED: 'actor → person/group rescued',
  CAPTURED_IN: 'person/group → place where captured',
  CLAIMED_RESPONSIBILITY_FOR: 'actor → event it claims',
  ACCUSED: 'actor → actor it accuses (note says of what)',
  CONDEMNED: 'actor → actor or event it condemned',
  FLED_TO: 'person/group → place fled to',
  FLED_FROM: 'person/group → place fled from',
  TOOK_CONTROL_OF: 'actor → place seized or retaken',
  ACTIVE_IN: 'actor → place where it operates or is present',
  BASED_IN: 'actor → place it is based in, from or stationed at',
  HOMETOWN_OF: 'place → person born in or from it',
  OCCURRED_IN: 'event → place',
  LOCATED_IN: 'place → containing place',
  NEAR: 'place → place it is near',
  PARTICIPATED_IN: 'actor → event, with a role',
  REPORTED: 'monitor/source actor → event it reported',
  POSSIBLY_SAME_AS: 'entity → entity that may be the same (note says why)',
  // Knowledge v2 (see docs/model.md): what the documents say actors did to, for or about each other.
  // Modelled on FollowTheMoney's interval schemata (Membership, Occupancy: role, startDate,
  // endDate, status) and event-data verb classes; `predicate` keeps the document's own verb.
  HOLDS_POSITION_IN: 'person → group/state in which they hold an office (title says which)',
  ALLIED_WITH: 'actor → actor it is or was allied with (since/until/status give the time)',
  OVERTHREW: 'actor → actor or government it overthrew',
  TRIGGERED: 'cause (event or actor) → event it triggered or sparked',
  IN_RESPONSE_TO: 'event or act → the event it answers',
  LED_TO: 'event → consequence event it led to or resulted in',
  DEPLOYED_TO: 'actor → place it deployed to or sent reinforcements to',
  RAIDED: 'actor → place or actor it raided',
  ORDERED: 'actor → addressee or what was ordered against (predicate says what was ordered)',
  URGED: 'actor → addressee it urged, called on, demanded of or appealed to',
  THREATENED: 'actor → actor or place it threatened',
  ESTABLISHED: 'actor → body or group it set up or formed',
  INVESTIGATES: 'body → event or actor under its investigation',
  DISPLACED: 'actor or event → people displaced',
  SURRENDERED_TO: 'actor → actor it surrendered to',
  DEFECTED_FROM: 'actor → group it left',
  EXPRESSED_SOLIDARITY_WITH: 'actor → actor it expressed solidarity with',
  SANCTIONED: 'actor → actor it sanctioned',
  ADVOCATED_LIFTING_SANCTIONS_ON: 'actor → actor on which it advocated lifting sanctions',
  CONTROLS: 'state or actor → place or base it owns or controls',
  TERRITORY_OF: 'country place → the state actor whose territory it is',
} as const;
export type RelationType = keyof typeof RELATION_TYPES;
export const RELATION_TYPE_NAMES = Object.keys(RELATION_TYPES) as RelationType[];

/** Roles on PARTICIPATED_IN. */
export const PARTICIPANT_ROLES = [
  'perpetrator', 'target', 'victim', 'responder', 'reporter', 'claimant',
  'commander', 'organizer', 'participant', 'mediator', 'witness', 'commentator',
] as const;

/** Whether a time-bounded link (ALLIED_WITH, HOLDS_POSITION_IN…) still holds as of the document. */
export const RELATION_STATUSES = ['current', 'former'] as const;

/** How sure the document is. `stated` is plain assertion by the document itself. */
export const CERTAINTIES = ['stated', 'reported', 'claimed', 'alleged', 'disputed'] as const;

export const GROUP_TYPES = [
  'armed_group', 'government', 'government_body', 'security_unit', 'military', 'monitor', 'ngo',
  'state', 'community', 'media', 'political', 'international_org', 'religious', 'other',
] as const;

export const PLACE_TYPES = [
  'country', 'region', 'governorate', 'district', 'subdistrict', 'city', 'town', 'village',
  'neighbourhood', 'site', 'road', 'base', 'other',
] as const;

/** ACLED event types and their sub-event types. */
export const ACLED_EVENT_TYPES = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': [
    'Chemical weapon', 'Air/drone strike', 'Suicide bomb', 'Shelling/artillery/missile attack',
    'Remote explosive/landmine/IED', 'Grenade',
  ],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement', 'Arrests', 'Change to group/activity', 'Disrupted weapons use',
    'Headquarters or base established', 'Looting/property destruction', 'Non-violent transfer of territory', 'Other',
  ],
  // Not an ACLED type: the umbrella conflicts and campaigns that incidents are PART_OF.
  Conflict: ['Conflict', 'Campaign'],
} as const;
export type AcledEventType = keyof typeof ACLED_EVENT_TYPES;

export const DATE_PRECISIONS = ['day', 'week', 'month', 'year'] as const;
export const PLACE_PRECISIONS = ['exact', 'near', 'region'] as const;

export const CLAIM_MEASURES = [
  'killed', 'wounded', 'captured', 'displaced', 'kidnapped', 'arrested', 'executed', 'missing',
  'rescued', 'casualties', 'seized', 'other',
] as const;
export const CLAIM_VICTIMS = [
  'civilians', 'security_forces', 'insurgents', 'combatants', 'mixed', 'unspecified',
] as const;
export const CLAIM_QUALIFIERS = ['exact', 'at_least', 'more_than', 'about', 'at_most', 'range'] as const;
