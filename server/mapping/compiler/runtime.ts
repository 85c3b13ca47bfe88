import { arrayOf, checkKey } from "./construct";
import { fallback } from "./fallback";
import { applyFilters } from "./filter";
import { lookup, lookupOwn } from "./lookup";
import { setProperty } from "./object-keys";
import { add, compare, concat, divide, equals, includes, modulo, multiply, negate, notEquals, subtract } from "./operators";
import { namePath, pathConsStep, pathEnd, pathStart, pathStep, pathStops } from "./path";
import { checkArgument, checkString, collapse } from "./sequence";
import { transformValue } from "./transform";
import { isTruthy } from "./truthiness";

/** The helpers generated code calls, by the names it calls them (see `emit.ts`). */
export const runtime = Object.freeze({
  add,
  applyFilters,
  arrayOf,
  checkArgument,
  checkKey,
  checkString,
  collapse,
  compare,
  concat,
  divide,
  equals,
  fallback,
  includes,
  isTruthy,
  lookup,
  lookupOwn,
  modulo,
  multiply,
  namePath,
  negate,
  notEquals,
  pathConsStep,
  pathEnd,
  pathStart,
  pathStep,
  pathStops,
  setProperty,
  subtract,
  transformValue,
});

export type RuntimeHelper = keyof typeof runtime;
