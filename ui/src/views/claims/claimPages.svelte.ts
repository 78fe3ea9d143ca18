// The claims list as the window holds it: the first page at once, the rest
// a page at a time as the list scrolls (or all of it for End), and the count
// apart, after the rows are shown. Only the rows someone scrolled to are
// held, and held raw (not deeply reactive), so a long list costs little.
import type { Claim, ClaimFilter, ClaimPage } from '../../lib/bindings';

/** Rows of the first page: a screen and a half, so it shows at once. */
export const FIRST_PAGE = 100;
/** Rows of each later page. */
export const NEXT_PAGE = 500;

export type LoadPage = (filter: ClaimFilter, limit: number, after: string | null) => Promise<ClaimPage>;
export type CountClaims = (filter: ClaimFilter) => Promise<number>;

export class ClaimPages {
  /** The rows loaded so far, in the list's order. */
  rows = $state.raw<Claim[]>([]);
  /** How many claims match, once counted. */
  total = $state<number | null>(null);
  /** True once the last page is loaded. */
  done = $state(false);
  /** True once the first page of the current filter arrived. */
  loaded = $state(false);

  #load: LoadPage;
  #count: CountClaims;
  #filter: ClaimFilter | null = null;
  #next: string | null = null;
  // Bumped by every reset, so the answer to an older filter is dropped.
  #generation = 0;
  #loading: Promise<void> | null = null;

  constructor(load: LoadPage, count: CountClaims) {
    this.#load = load;
    this.#count = count;
  }

  /**
   * Loads the list for `filter` from the top. `keep` rows are loaded at once
   * (at least a first page), so a reload after an edit keeps the rows the
   * user scrolled to. The count follows, without holding the rows back.
   */
  async reset(filter: ClaimFilter, keep = 0): Promise<void> {
    const generation = ++this.#generation;
    this.#filter = filter;
    this.#loading = null;
    const limit = Math.min(Math.max(FIRST_PAGE, keep), 10_000);
    const page = await this.#load(filter, limit, null);
    if (generation !== this.#generation) return;
    this.rows = page.claims;
    this.#next = page.next;
    this.done = page.next === null;
    this.loaded = true;
    if (this.done) {
      this.total = page.claims.length;
      return;
    }
    this.total = null;
    this.#count(filter)
      .then((n) => {
        if (generation === this.#generation) this.total = n;
      })
      .catch(() => {});
  }

  /** Loads the next page, once at a time; nothing when the list is whole. */
  more(): Promise<void> {
    if (this.done || !this.#filter) return Promise.resolve();
    if (this.#loading) return this.#loading;
    const generation = this.#generation;
    const loading = this.#load(this.#filter, NEXT_PAGE, this.#next)
      .then((page) => {
        if (generation !== this.#generation) return;
        this.rows = this.rows.concat(page.claims);
        this.#next = page.next;
        this.done = page.next === null;
      })
      .finally(() => {
        if (this.#loading === loading) this.#loading = null;
      });
    this.#loading = loading;
    return loading;
  }

  /** Loads every page left (for End, which goes to the last claim). */
  async all(): Promise<void> {
    const generation = this.#generation;
    while (!this.done && generation === this.#generation) await this.more();
  }

  /** "10000 claims"; "100+ claims" while the count is on its way. */
  countText(): string {
    const n = this.total ?? this.rows.length;
    const more = this.total === null && this.loaded && !this.done ? '+' : '';
    return `${n}${more} claim${n === 1 && !more ? '' : 's'}`;
  }
}
