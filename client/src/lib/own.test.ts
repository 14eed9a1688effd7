import { describe, expect, it } from 'vitest';
import { own } from './own';

describe('own', () => {
  it("reads a record's own entries only, whatever the id", () => {
    const highlights: Record<string, number> = { inf: 1 };
    for (const id of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) expect(own(highlights, id), id).toBeUndefined();
    expect(own(highlights, 'inf')).toBe(1);
    expect(own({ constructor: 2 }, 'constructor')).toBe(2);
  });
});
