/**
 * The renderer's clock. The idle lock and "today" read time only through here, so unit tests can set it and the
 * e2e tests drive it with Playwright's page.clock (which replaces Date and the timers of the page).
 */
export interface RendererClock {
  now(): number;
}

const systemClock: RendererClock = { now: () => Date.now() };
let current: RendererClock = systemClock;

export const clock: RendererClock = { now: () => current.now() };

/** Tests only: replace the clock; pass null to go back to the system clock. */
export function setClock(replacement: RendererClock | null): void {
  current = replacement ?? systemClock;
}
