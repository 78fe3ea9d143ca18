//! Text folded for matching what a person types against what a page prints:
//! letter case, typographic quote marks and apostrophes, dashes, zero-width
//! characters and runs of white space make no difference. Every folded
//! character remembers which bytes of the original it came from, so a match
//! found in the folded form is a range of the source's own text.

/// A text in folded form with the way back to the original.
#[derive(Debug)]
pub(crate) struct Folded {
    /// The folded text: lower case, `"` `'` `-` for their typographic
    /// forms, `...` for `…`, one space for any run of white space, no
    /// zero-width characters.
    pub text: String,
    /// One per folded character, in order.
    pieces: Vec<Piece>,
}

/// Where one folded character sits, and the original bytes it stands for.
#[derive(Debug, Clone, Copy)]
struct Piece {
    folded: usize,
    start: usize,
    end: usize,
}

impl Folded {
    /// Folds `original`.
    pub fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut pieces: Vec<Piece> = Vec::with_capacity(original.len());
        for (start, c) in original.char_indices() {
            let end = start + c.len_utf8();
            if is_invisible(c) {
                continue;
            }
            if c.is_whitespace() {
                // A run of white space (even broken by invisible characters) is one space.
                if let Some(last) = pieces.last_mut()
                    && text.ends_with(' ')
                {
                    last.end = end;
                    continue;
                }
                pieces.push(Piece {
                    folded: text.len(),
                    start,
                    end,
                });
                text.push(' ');
                continue;
            }
            let mut push = |f: char| {
                pieces.push(Piece {
                    folded: text.len(),
                    start,
                    end,
                });
                text.push(f);
            };
            match c {
                '“' | '”' | '„' | '‟' | '″' | '«' | '»' => push('"'),
                '‘' | '’' | '‚' | '‛' | '′' | '‹' | '›' => push('\''),
                '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => push('-'),
                '…' => "...".chars().for_each(push),
                _ => c.to_lowercase().for_each(push),
            }
        }
        Folded { text, pieces }
    }

    /// The original byte range that the folded byte range `start..end` (a
    /// non-empty match in [`Folded::text`]) stands for.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        let first = self.pieces.partition_point(|p| p.folded < start);
        let last = self
            .pieces
            .partition_point(|p| p.folded < end)
            .max(first + 1)
            - 1;
        match (self.pieces.get(first), self.pieces.get(last)) {
            (Some(a), Some(b)) => (a.start, b.end),
            _ => (0, 0),
        }
    }
}

/// Characters that take no room on the page and often ride along in copied
/// text: zero-width space, joiners, word joiner, byte-order mark, soft hyphen.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_what_a_typist_cannot_see_or_type() {
        let f = Folded::new("The Mayor’s “No”\u{200B} — at\n\t 5…");
        assert_eq!(f.text, "the mayor's \"no\" - at 5...");
    }

    #[test]
    fn a_folded_range_maps_back_to_the_original_bytes() {
        let original = "Kyiv — «NO comment»\u{200B}, aides";
        let f = Folded::new(original);
        let at = f.text.find("\"no comment\"").expect("folded");
        let (s, e) = f.original_range(at, at + "\"no comment\"".len());
        assert_eq!(&original[s..e], "«NO comment»");
    }
}
