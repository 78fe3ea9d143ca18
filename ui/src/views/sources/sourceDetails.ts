// The "Edit details…" form's fields and the SourceDetails the app checks and
// stores. Authors are typed in one field, separated by commas or semicolons.
import type { Source, SourceDetails } from '../../lib/bindings';

/** The form's text fields. */
export interface DetailsForm {
  title: string;
  outlet: string;
  authors: string;
  published_on: string;
  modified_on: string;
  canonical_url: string;
  language: string;
}

/** The form filled with what the source holds now. */
export function formOf(source: Source): DetailsForm {
  return {
    title: source.title,
    outlet: source.outlet ?? '',
    authors: source.authors.join(', '),
    published_on: source.published_on ?? '',
    modified_on: source.modified_on ?? '',
    canonical_url: source.canonical_url ?? '',
    language: source.language ?? '',
  };
}

/** Author names from the one field: split on commas or semicolons, blanks dropped. */
export function splitAuthors(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

const blankToNull = (v: string): string | null => (v.trim() === '' ? null : v.trim());

/** What the app is asked to store; the app checks dates, URL and language. */
export function detailsOf(form: DetailsForm): SourceDetails {
  return {
    title: form.title.trim(),
    outlet: blankToNull(form.outlet),
    authors: splitAuthors(form.authors),
    published_on: blankToNull(form.published_on),
    modified_on: blankToNull(form.modified_on),
    canonical_url: blankToNull(form.canonical_url),
    language: blankToNull(form.language),
  };
}
