/**
 * The source of syntaxes/nix.tmLanguage.json: the TextMate grammar of Nix, written for nix4j.
 * Regexes are written with String.raw so that they read as Oniguruma sees them. After editing,
 * run `node scripts/grammar.js` to rewrite the JSON (a test checks that the two agree), then
 * `UPDATE_TOKENS=1 npm test` and review the changes to the expected tokens.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const R = String.raw;
const ID = R`[a-zA-Z_][a-zA-Z0-9_'\-]*`;
const NB = R`(?<![a-zA-Z0-9_'\-])`; // not preceded by an identifier character
const NBN = R`(?<![a-zA-Z0-9_'])`; // the same, but a number may follow a minus sign
const NA = R`(?![a-zA-Z0-9_'\-])`; // not followed by an identifier character
const PC = R`[a-zA-Z0-9._\-+]`; // a path character
const KEYWORDS = 'let|in|with|rec|inherit|assert|if|then|else|or';
// An attribute path after the name: `.b`, `."c"`, `.${d}`, then `=` that is not `==`.
const ATTR_REST = R`(?:\s*\.\s*(?:${ID}|"(?:[^"\\]|\\.)*"|\$\{[^}]*\}))*\s*=(?!=)`;
// Builtins bound without `builtins.` in Nix 2.8 (asked of nix-instantiate itself).
const GLOBAL_FUNCTIONS = 'abort|baseNameOf|derivation|derivationStrict|dirOf|fetchGit|fetchMercurial|fetchTarball|fetchTree|fromTOML|import|isNull|map|placeholder|removeAttrs|scopedImport|throw|toString';

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Nix',
  scopeName: 'source.nix',
  fileTypes: ['nix'],
  comment: 'The Nix language, written for nix4j. Generated from scripts/grammar.js; tests: test/grammar.test.ts with fixtures in test/fixtures/grammar.',
  patterns: [{ include: '#expression' }],
  repository: {
    expression: {
      patterns: [
        { include: '#comments' },
        { include: '#strings' },
        { include: '#interpolation' },
        { include: '#uri' },
        { include: '#search-path' },
        { include: '#path' },
        { include: '#numbers' },
        { include: '#inherit' },
        { include: '#formals' },
        { include: '#attribute-names' },
        { include: '#parameters' },
        { include: '#keywords' },
        { include: '#builtins' },
        { include: '#constants' },
        { include: '#select' },
        { include: '#operators' },
        { include: '#punctuation' },
        { include: '#braces' },
        { include: '#parens' },
        { include: '#brackets' },
        { include: '#identifiers' },
      ],
    },
    comments: {
      patterns: [
        {
          name: 'comment.block.documentation.nix',
          begin: R`/\*\*(?![*/])`,
          end: R`\*/`,
          beginCaptures: { 0: { name: 'punctuation.definition.comment.begin.nix' } },
          endCaptures: { 0: { name: 'punctuation.definition.comment.end.nix' } },
        },
        {
          name: 'comment.block.nix',
          begin: R`/\*`,
          end: R`\*/`,
          beginCaptures: { 0: { name: 'punctuation.definition.comment.begin.nix' } },
          endCaptures: { 0: { name: 'punctuation.definition.comment.end.nix' } },
        },
        {
          name: 'comment.line.number-sign.nix',
          match: R`(#).*$`,
          captures: { 1: { name: 'punctuation.definition.comment.nix' } },
        },
      ],
    },
    strings: { patterns: [{ include: '#string-double' }, { include: '#string-indented' }] },
    'string-double': {
      name: 'string.quoted.double.nix',
      begin: '"',
      end: '"',
      beginCaptures: { 0: { name: 'punctuation.definition.string.begin.nix' } },
      endCaptures: { 0: { name: 'punctuation.definition.string.end.nix' } },
      patterns: [
        { name: 'constant.character.escape.nix', match: R`\\(?:[\s\S]|$)` },
        { comment: '`$${` is a literal `$${`: the first two dollars pair up.', match: R`\$\$` },
        { include: '#interpolation' },
      ],
    },
    'string-indented': {
      name: 'string.quoted.other.indented.nix',
      begin: "''",
      end: R`''(?!['$\\])`,
      beginCaptures: { 0: { name: 'punctuation.definition.string.begin.nix' } },
      endCaptures: { 0: { name: 'punctuation.definition.string.end.nix' } },
      patterns: [
        { name: 'constant.character.escape.nix', match: R`'''|''\$|''\\(?:[\s\S]|$)` },
        { comment: '`$${` is a literal `$${`: the first two dollars pair up.', match: R`\$\$` },
        { include: '#interpolation' },
      ],
    },
    interpolation: {
      name: 'meta.interpolation.nix',
      contentName: 'meta.embedded.line.nix',
      begin: R`\$\{`,
      end: R`\}`,
      beginCaptures: { 0: { name: 'punctuation.section.embedded.begin.nix' } },
      endCaptures: { 0: { name: 'punctuation.section.embedded.end.nix' } },
      patterns: [{ include: '#expression' }],
    },
    uri: {
      name: 'string.unquoted.uri.nix',
      match: R`${NB}[a-zA-Z][a-zA-Z0-9+\-.]*:[a-zA-Z0-9%/?:@&=+$,\-_.!~*']+`,
    },
    'search-path': {
      name: 'string.unquoted.search-path.nix',
      match: R`(<)(${PC}+(?:/${PC}+)*)(>)`,
      captures: {
        1: { name: 'punctuation.definition.search-path.begin.nix' },
        3: { name: 'punctuation.definition.search-path.end.nix' },
      },
    },
    path: {
      comment: 'A path has a slash followed by a path character or an interpolation: ./a, /a/b, ~/a, a/b, ./${x}/y.',
      name: 'string.unquoted.path.nix',
      begin: R`${NB}(?:~|${PC}*)/(?=${PC}|\$\{)`,
      end: R`(?!${PC}|/${PC}|/\$\{|\$\{)`,
      patterns: [{ include: '#interpolation' }],
    },
    numbers: {
      patterns: [
        {
          name: 'constant.numeric.float.nix',
          match: R`${NBN}(?:[1-9][0-9]*\.[0-9]*|0?\.[0-9]+)(?:[Ee][+-]?[0-9]+)?`,
        },
        { name: 'constant.numeric.integer.nix', match: R`${NBN}[0-9]+` },
      ],
    },
    inherit: {
      name: 'meta.inherit.nix',
      begin: R`${NB}(inherit)${NA}`,
      end: R`(;)|(?=[}\]=])`,
      beginCaptures: { 1: { name: 'keyword.other.inherit.nix' } },
      endCaptures: { 1: { name: 'punctuation.terminator.nix' } },
      patterns: [
        { include: '#comments' },
        {
          comment: 'inherit (source) names;',
          begin: R`\(`,
          end: R`\)`,
          beginCaptures: { 0: { name: 'punctuation.section.parens.begin.nix' } },
          endCaptures: { 0: { name: 'punctuation.section.parens.end.nix' } },
          patterns: [{ include: '#expression' }],
        },
        { include: '#strings' },
        { include: '#interpolation' },
        { name: 'entity.other.attribute-name.nix', match: ID },
      ],
    },
    formals: {
      comment: 'Names in a set pattern `{ a, b ? 1, ... }:`. Commas appear only there; a multi-line pattern is recognised by `{ name` at a line end or by `name,` at a line start.',
      patterns: [
        {
          match: R`(?:(?<=,)|(?<=\{)(?<!\$\{))\s*(?!(?:${KEYWORDS})${NA})(${ID})(?:\s*(\?)|(?=\s*(?:[,}]|$)))`,
          captures: { 1: { name: 'variable.parameter.function.nix' }, 2: { name: 'keyword.operator.default.nix' } },
        },
        {
          match: R`^\s*(?!(?:${KEYWORDS})${NA})(${ID})(?:\s*(\?)|(?=\s*,))`,
          captures: { 1: { name: 'variable.parameter.function.nix' }, 2: { name: 'keyword.operator.default.nix' } },
        },
        { name: 'keyword.operator.ellipsis.nix', match: R`\.\.\.` },
      ],
    },
    'attribute-names': {
      comment: 'The attribute path of a binding `a.b."c".${d} = …;`, as far as one line shows it.',
      patterns: [
        { match: R`${NB}(${ID})(?=${ATTR_REST})`, captures: { 1: { name: 'entity.other.attribute-name.nix' } } },
        {
          match: R`(\.)\s*(${ID})(?=${ATTR_REST})`,
          captures: { 1: { name: 'punctuation.accessor.nix' }, 2: { name: 'entity.other.attribute-name.nix' } },
        },
      ],
    },
    parameters: {
      comment: 'x: …, args@{ … }: and { … }@args: … (a URI like x:y is matched earlier, as Nix lexes it).',
      patterns: [
        {
          match: R`${NB}(?!(?:${KEYWORDS})${NA})(${ID})(?=\s*(?::|@))`,
          captures: { 1: { name: 'variable.parameter.function.nix' } },
        },
        {
          match: R`(@)\s*(${ID})`,
          captures: { 1: { name: 'punctuation.separator.at.nix' }, 2: { name: 'variable.parameter.function.nix' } },
        },
      ],
    },
    keywords: {
      patterns: [
        { name: 'keyword.control.conditional.nix', match: R`${NB}(?:if|then|else)${NA}` },
        { name: 'keyword.control.assert.nix', match: R`${NB}assert${NA}` },
        { name: 'keyword.other.$1.nix', match: R`${NB}(let|in|with|rec)${NA}` },
        { name: 'keyword.operator.or.nix', match: R`${NB}or${NA}` },
      ],
    },
    builtins: {
      patterns: [
        {
          match: R`${NB}(builtins)${NA}(?:\s*(\.)\s*(${ID}))?`,
          captures: {
            1: { name: 'support.variable.builtins.nix' },
            2: { name: 'punctuation.accessor.nix' },
            3: { name: 'support.function.builtin.nix' },
          },
        },
        { name: 'support.function.builtin.nix', match: R`${NB}(?:${GLOBAL_FUNCTIONS}|__[a-zA-Z][a-zA-Z0-9_'\-]*)${NA}` },
      ],
    },
    constants: {
      patterns: [
        { name: 'constant.language.boolean.nix', match: R`${NB}(?:true|false)${NA}` },
        { name: 'constant.language.null.nix', match: R`${NB}null${NA}` },
      ],
    },
    select: {
      match: R`(\.)\s*(${ID})`,
      captures: { 1: { name: 'punctuation.accessor.nix' }, 2: { name: 'variable.other.member.nix' } },
    },
    operators: {
      patterns: [
        { name: 'keyword.operator.ellipsis.nix', match: R`\.\.\.` },
        { name: 'keyword.operator.pipe.nix', match: R`\|>|<\|` },
        { name: 'keyword.operator.logical.nix', match: R`->|\|\||&&|!(?!=)` },
        { name: 'keyword.operator.comparison.nix', match: R`==|!=|<=|>=|<|>` },
        { name: 'keyword.operator.update.nix', match: R`//` },
        { name: 'keyword.operator.concat.nix', match: R`\+\+` },
        { name: 'keyword.operator.arithmetic.nix', match: R`[-+*/]` },
        { name: 'keyword.operator.has-attr.nix', match: R`\?` },
        { name: 'keyword.operator.assignment.nix', match: '=' },
      ],
    },
    punctuation: {
      patterns: [
        { name: 'punctuation.terminator.nix', match: ';' },
        { name: 'punctuation.separator.comma.nix', match: ',' },
        { name: 'punctuation.separator.colon.nix', match: ':' },
        { name: 'punctuation.separator.at.nix', match: '@' },
        { name: 'punctuation.accessor.nix', match: R`\.` },
      ],
    },
    braces: {
      begin: R`\{`,
      end: R`\}`,
      beginCaptures: { 0: { name: 'punctuation.section.braces.begin.nix' } },
      endCaptures: { 0: { name: 'punctuation.section.braces.end.nix' } },
      patterns: [{ include: '#expression' }],
    },
    parens: {
      patterns: [
        { name: 'punctuation.section.parens.begin.nix', match: R`\(` },
        { name: 'punctuation.section.parens.end.nix', match: R`\)` },
      ],
    },
    brackets: {
      patterns: [
        { name: 'punctuation.section.brackets.begin.nix', match: R`\[` },
        { name: 'punctuation.section.brackets.end.nix', match: R`\]` },
      ],
    },
    identifiers: { name: 'variable.other.nix', match: ID },
  },
};

module.exports = grammar;

if (require.main === module) {
  const out = path.join(__dirname, '..', 'syntaxes', 'nix.tmLanguage.json');
  fs.writeFileSync(out, JSON.stringify(grammar, null, 2) + '\n');
  console.log(`wrote ${out}`);
}
