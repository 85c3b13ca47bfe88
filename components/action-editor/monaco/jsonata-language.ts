import type * as Monaco from "monaco-editor/editor/editor.api.js";
import { JSONATA_FUNCTIONS } from "./jsonata-functions";

export const JSONATA_LANGUAGE = "jsonata";

/** What completion offers besides the functions; the editor updates it as samples and fields change. */
export const completionContext: { eventPaths: string[]; fieldNames: string[] } = { eventPaths: [], fieldNames: [] };

let registered = false;

/** Registers the JSONata language once: tokens, brackets, and completion of paths, functions and fields. */
export function registerJsonata(monaco: typeof Monaco): void {
  if (registered) return;
  registered = true;
  monaco.languages.register({ id: JSONATA_LANGUAGE });
  monaco.languages.setLanguageConfiguration(JSONATA_LANGUAGE, {
    comments: { blockComment: ["/*", "*/"] },
    brackets: [["{", "}"], ["[", "]"], ["(", ")"]],
    autoClosingPairs: [
      { open: "{", close: "}" },
      { open: "[", close: "]" },
      { open: "(", close: ")" },
      { open: '"', close: '"', notIn: ["string"] },
    ],
  });
  monaco.languages.setMonarchTokensProvider(JSONATA_LANGUAGE, {
    keywords: ["and", "or", "in", "true", "false", "null", "function"],
    tokenizer: {
      root: [
        [/\/\*/, "comment", "@comment"],
        [/"([^"\\]|\\.)*"/, "string"],
        [/'([^'\\]|\\.)*'/, "string"],
        [/`[^`]*`/, "identifier"],
        [/\$[A-Za-z_]\w*(?=\s*\()/, "predefined"],
        [/\$\$?[A-Za-z_]*\w*/, "variable"],
        [/-?\d+(\.\d+)?([eE][-+]?\d+)?/, "number"],
        [/[A-Za-z_]\w*/, { cases: { "@keywords": "keyword", "@default": "identifier" } }],
        [/[{}()[\]]/, "@brackets"],
        [/:=|\?\?|\?:|!=|<=|>=|~>|[-+*/%&=<>?:.,;|^#@!]/, "operator"],
      ],
      comment: [
        [/\*\//, "comment", "@pop"],
        [/[^*]+/, "comment"],
        [/\*/, "comment"],
      ],
    },
  });
  monaco.languages.registerCompletionItemProvider(JSONATA_LANGUAGE, {
    triggerCharacters: [".", "$", '"'],
    provideCompletionItems(model, position) {
      const line = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
      const typed = /[\w.$`]*$/.exec(line)?.[0] ?? "";
      const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: position.column - typed.length, endColumn: position.column };
      const { CompletionItemKind, CompletionItemInsertTextRule } = monaco.languages;
      const functions = JSONATA_FUNCTIONS.map((fn) => ({
        label: `$${fn.name}`,
        kind: CompletionItemKind.Function,
        detail: fn.signature,
        documentation: fn.doc,
        insertText: `\\$${fn.name}($0)`,
        insertTextRules: CompletionItemInsertTextRule.InsertAsSnippet,
        range,
      }));
      const paths = completionContext.eventPaths.map((path) => ({ label: path, kind: CompletionItemKind.Field, detail: "event field (from the sample)", insertText: path, range }));
      const fieldsRange = line.endsWith('"') ? { ...range, startColumn: position.column - 1 } : range;
      const fields = completionContext.fieldNames.map((name) => ({
        label: `"${name}"`,
        kind: CompletionItemKind.Property,
        detail: "field of this action",
        insertText: `"${name}": `,
        range: fieldsRange,
      }));
      return { suggestions: typed.startsWith("$") ? functions : [...paths, ...fields, ...functions] };
    },
  });
  monaco.languages.registerHoverProvider(JSONATA_LANGUAGE, {
    provideHover(model, position) {
      const word = model.getWordAtPosition(position);
      const fn = word && JSONATA_FUNCTIONS.find((f) => f.name === word.word);
      return fn ? { contents: [{ value: `\`${fn.signature}\`` }, { value: fn.doc }] } : null;
    },
  });
}
