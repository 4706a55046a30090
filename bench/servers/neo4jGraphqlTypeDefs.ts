/**
 * The graph model (README "The graph model") as @neo4j/graphql v7 type definitions, as a user of
 * that library would write them: one type per label, one field per relationship type and
 * direction that the benchmark's workloads traverse, relationship properties on participation.
 * @neo4j/graphql has no generic "any relationship" field, no forgiving name lookup, no
 * neighbourhood and no path query; the benchmark runs it on the workloads it can express.
 */
export const typeDefs = /* GraphQL */ `
  type Participation @relationshipProperties {
    id: ID
    role: String
    certainty: String
    date: String
  }

  union Actor = Person | Group

  type Person @node(labels: ["Person", "Entity"]) {
    id: ID!
    kind: String
    name: String!
    aliases: [String!]
    description: String
    certainty: String
    citationSources: [String!]
    citationQuotes: [String!]
    roles: [String!]
    memberOf: [Group!]! @relationship(type: "MEMBER_OF", direction: OUT)
    loyalTo: [Group!]! @relationship(type: "LOYAL_TO", direction: OUT)
    relatives: [Person!]! @relationship(type: "RELATIVE_OF", direction: OUT)
    leads: [Group!]! @relationship(type: "LED_BY", direction: IN)
    hometown: [Place!]! @relationship(type: "HOMETOWN_OF", direction: IN)
    activeIn: [Place!]! @relationship(type: "ACTIVE_IN", direction: OUT)
    participatedIn: [Event!]! @relationship(type: "PARTICIPATED_IN", direction: OUT, properties: "Participation")
  }

  type Group @node(labels: ["Group", "Entity"]) {
    id: ID!
    kind: String
    name: String!
    aliases: [String!]
    description: String
    certainty: String
    groupType: String
    citationSources: [String!]
    citationQuotes: [String!]
    members: [Person!]! @relationship(type: "MEMBER_OF", direction: IN)
    ledBy: [Person!]! @relationship(type: "LED_BY", direction: OUT)
    partOf: [Group!]! @relationship(type: "PART_OF", direction: OUT)
    affiliatedWith: [Group!]! @relationship(type: "AFFILIATED_WITH", direction: OUT)
    opposed: [Group!]! @relationship(type: "OPPOSED", direction: OUT)
    basedIn: [Place!]! @relationship(type: "BASED_IN", direction: OUT)
    activeIn: [Place!]! @relationship(type: "ACTIVE_IN", direction: OUT)
    participatedIn: [Event!]! @relationship(type: "PARTICIPATED_IN", direction: OUT, properties: "Participation")
  }

  type Place @node(labels: ["Place", "Entity"]) {
    id: ID!
    kind: String
    name: String!
    aliases: [String!]
    placeType: String
    citationSources: [String!]
    citationQuotes: [String!]
    locatedIn: [Place!]! @relationship(type: "LOCATED_IN", direction: OUT)
    contains: [Place!]! @relationship(type: "LOCATED_IN", direction: IN)
    events: [Event!]! @relationship(type: "OCCURRED_IN", direction: IN)
  }

  type Event @node(labels: ["Event", "Entity"]) {
    id: ID!
    kind: String
    name: String!
    aliases: [String!]
    eventType: String
    subEventType: String
    start: String
    end: String
    startDate: Date
    endDate: Date
    datePrecision: String
    certainty: String
    citationSources: [String!]
    citationQuotes: [String!]
    occurredIn: [Place!]! @relationship(type: "OCCURRED_IN", direction: OUT)
    partOf: [Event!]! @relationship(type: "PART_OF", direction: OUT)
    participants: [Actor!]! @relationship(type: "PARTICIPATED_IN", direction: IN, properties: "Participation")
  }

  "Any entity, for full-text search over the same index the API uses."
  type Entity
    @node(labels: ["Entity"])
    @fulltext(indexes: [{ indexName: "entity_names", queryName: "searchEntities", fields: ["name", "aliasText"] }]) {
    id: ID!
    kind: String
    name: String!
    aliasText: String
  }
`;
