/**
 * Runs `round` one at a time: a request while one runs asks for one more after it (however many
 * requests came meanwhile), so work that arrived mid-round is never left for the next poll.
 */
export function serialRounds(
  round: () => Promise<void>,
  stopped: () => boolean,
): { request: () => void; current: () => Promise<void> | undefined } {
  let running: Promise<void> | undefined;
  let again = false;
  function request(): void {
    if (stopped()) return;
    if (running) {
      again = true;
      return;
    }
    running = round().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        request();
      }
    });
  }
  return { request, current: () => running };
}
