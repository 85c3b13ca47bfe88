export type TriggerValue = string | number | boolean | null;

export type TriggerOperator = "=" | "!=" | "<" | "<=" | ">" | ">=" | "contains" | "matches";

/** One condition: `field operator value`, e.g. `properties.total > 100`; `not` in front when negated. */
export type TriggerCondition = { kind: "condition"; field: string[]; operator: TriggerOperator; value: TriggerValue; negated: boolean };

/** Conditions (and groups) joined by one of and / or. */
export type TriggerGroup = { kind: "group"; join: "and" | "or"; items: Array<TriggerCondition | TriggerGroup>; negated: boolean };

/** A trigger as the visual builder shows it. */
export type TriggerBuilder = { kind: "all" } | TriggerGroup;
