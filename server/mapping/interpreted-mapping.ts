import type { CompiledMapping } from "./compiled-mapping";
import type { JsonataProgram } from "./jsonata-adapter";
import { parseJsonata } from "./jsonata-adapter";
import type { MappingLimits } from "./limits";
import { MappingLimitError } from "./errors";
import { DEFAULT_MAPPING_LIMITS, limitsKey } from "./limits";
import { toPlainJson } from "./normalize";
import { SerialQueue } from "./serial-queue";
import { toEvaluationError, toSyntaxError } from "./to-mapping-error";

/** Limits are options of a parsed JSONata expression, so each distinct set needs its own parse. */
const MAX_PROGRAMS_PER_MAPPING = 8;

const evaluations = new SerialQueue();

/** Parses `text` with JSONata's interpreter; throws `MappingSyntaxError`. */
export function createInterpretedMapping(text: string): CompiledMapping {
  const defaultKey = limitsKey(DEFAULT_MAPPING_LIMITS);
  const programs = new Map<string, JsonataProgram>([[defaultKey, parse(text, DEFAULT_MAPPING_LIMITS)]]);

  function programFor(limits: MappingLimits): JsonataProgram {
    const key = limitsKey(limits);
    let program = programs.get(key);
    if (program === undefined) {
      if (programs.size >= MAX_PROGRAMS_PER_MAPPING) {
        for (const other of programs.keys()) if (other !== defaultKey) programs.delete(other);
      }
      program = parse(text, limits);
      programs.set(key, program);
    }
    return program;
  }

  return Object.freeze({
    kind: "interpreted" as const,
    text,
    evaluate(event: unknown, limits: MappingLimits = DEFAULT_MAPPING_LIMITS) {
      const program = programFor(limits);
      return evaluations.run(async () => {
        try {
          return await evaluateOnce(program, event, text, limits);
        } catch (error) {
          if (!(error instanceof MappingLimitError && error.code === "MAPPING_TIMEOUT")) throw error;
          return evaluateOnce(program, event, text, limits);
        }
      });
    },
  });
}

/**
 * One run, its failure translated and its result normalised. A timeout is confirmed by a second
 * run before it is reported, because the budget is wall-clock time and the error is final: on a
 * loaded machine a 25 µs mapping was seen stopped at 50 ms while apt unpacked packages. Mappings
 * are pure, so running one twice is safe; a hostile one costs two budgets.
 */
async function evaluateOnce(program: JsonataProgram, event: unknown, text: string, limits: MappingLimits) {
  let result: unknown;
  try {
    result = await program.evaluate(event);
  } catch (thrown) {
    throw toEvaluationError(thrown, text, limits);
  }
  return toPlainJson(result, limits.maxDepth);
}

function parse(text: string, limits: MappingLimits): JsonataProgram {
  try {
    return parseJsonata(text, limits);
  } catch (thrown) {
    throw toSyntaxError(thrown, text);
  }
}
