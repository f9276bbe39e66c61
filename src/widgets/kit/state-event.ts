/**
 * How a widget tells the page its state changed, kept apart from the widget base class so that
 * a listener (a challenge beside the widget) loads none of the widget code.
 */

/** The event a widget sends from its element after every change of its state, and once when it starts. */
export const KIT_STATE_EVENT = 'kit-state';

/** What a `kit-state` event carries: the widget's cell id (its prefix in the URL) and a copy of its state. */
export interface KitStateDetail {
  cell: string;
  state: Readonly<Record<string, unknown>>;
}

/** A started widget's current state, read from its element; null before it starts. */
export function stateOfWidget(element: Element | null): Readonly<Record<string, unknown>> | null {
  const state = (element as { kitState?: Readonly<Record<string, unknown>> } | null)?.kitState;
  return state ?? null;
}
