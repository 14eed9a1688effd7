import { wordDiff } from './word-diff';

/** One field's change, struck and inserted word by word; the words stay text, never markup. */
export function WordingDiff({ before, after }: { before: string; after: string }) {
  return (
    <span className="wording-diff">
      {wordDiff(before, after).map((part, index) =>
        part.kind === 'same' ? (
          <span key={index}>{part.text}</span>
        ) : part.kind === 'removed' ? (
          <del key={index}>{part.text}</del>
        ) : (
          <ins key={index}>{part.text}</ins>
        ),
      )}
    </span>
  );
}
