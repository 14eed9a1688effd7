/**
 * The layers of CONTRIBUTING.md as lint rules: a service never imports http/ or realtime/, the
 * store never imports services, a client feature never imports another feature, and what several
 * features share (components/, lib/) imports no feature. Each rule matches the import's text, so
 * it covers `import`, `import type`, `export … from` and a lazy `import()` alike.
 */

/**
 * One layer's ban as two rules: `no-restricted-imports` for static imports and re-exports,
 * `no-restricted-syntax` for `import()` (which the first does not see). The pattern is written
 * without a slash (`\x2F`) because a selector's regular expression cannot hold one.
 */
const ban = (files, pattern, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ regex: pattern, message }] }],
    'no-restricted-syntax': ['error', { selector: `ImportExpression[source.value=/${pattern}/]`, message }],
  },
});

/** `../` said `times` times, then a folder that is not `..`: a sibling of the folder that many levels up. */
const siblingAt = (times) => `^(\\.\\.\\x2F){${times}}(?!\\.\\.)`;

const FEATURE =
  'A client feature never imports another feature: move what both show to client/src/components/ (or lib/), or let app.tsx hand it in.';

export const layerRules = [
  ban(
    ['server/src/services/**/*.ts'],
    '^\\.\\.?\\x2F(.*\\x2F)?(http|realtime)(\\x2F|$)',
    'A service never imports http/ or realtime/: it speaks the domain, and the write path publishes on the domain event bus.',
  ),
  ban(
    ['server/src/store/**/*.ts'],
    '^\\.\\.?\\x2F(.*\\x2F)?services(\\x2F|$)',
    'The store never imports services: services call the store, not the other way.',
  ),
  // A feature file one, two or three folders down: `../` that many times more leaves its feature.
  ...[0, 1, 2].map((depth) =>
    ban([`client/src/features/*/${'*/'.repeat(depth)}*.{ts,tsx}`], `${siblingAt(depth + 1)}|(^|\\x2F)features\\x2F`, FEATURE),
  ),
  ban(
    ['client/src/components/**/*.{ts,tsx}', 'client/src/lib/**/*.{ts,tsx}'],
    '(^|\\x2F)features(\\x2F|$)',
    'What several features share imports no feature: components/ and lib/ sit below them.',
  ),
];
