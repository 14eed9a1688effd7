import { describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../store/store-unavailable';
import { LastAnswers } from './last-answers';

const down = () => Promise.reject(new StoreUnavailableError('the database is unavailable', undefined));

describe('last answers', () => {
  it('answers a read the database cannot with its last answer, and nothing after a change', async () => {
    const answers = new LastAnswers();
    expect(await answers.read('detail npt', async () => 'as read')).toBe('as read');
    expect(await answers.read('detail npt', down)).toBe('as read');
    await expect(answers.read('detail inf', down)).rejects.toBeInstanceOf(StoreUnavailableError);
    answers.changed();
    await expect(answers.read('detail npt', down)).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('does not keep an answer read across a change, which may predate it', async () => {
    const answers = new LastAnswers();
    let finish: (value: string) => void = () => undefined;
    const slow = answers.read('feed', () => new Promise<string>((resolve) => (finish = resolve)));
    answers.changed();
    finish('from before the change');
    expect(await slow).toBe('from before the change');
    await expect(answers.read('feed', down)).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('passes on errors that are not the database being down, and does not keep them', async () => {
    const answers = new LastAnswers();
    await answers.read('detail npt', async () => 'as read');
    await expect(answers.read('detail npt', () => Promise.reject(new Error('404')))).rejects.toThrow('404');
    expect(await answers.read('detail npt', down)).toBe('as read');
  });
});
