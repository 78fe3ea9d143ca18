// Asks the search box to take the keyboard (Ctrl+K or /): a counter it watches.
export const searchBox = $state({ opened: 0 });

export function openSearch(): void {
  searchBox.opened++;
}
