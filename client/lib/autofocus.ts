/**
 * `{@attach autofocus}`: focus an element once it is on the page. Used instead of the `autofocus`
 * attribute, which Svelte also applies itself, so the browser logs "Autofocus processing was blocked".
 */
export function autofocus(element: HTMLElement): void {
  element.focus();
}
